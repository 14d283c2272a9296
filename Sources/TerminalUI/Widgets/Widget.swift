/// Anything that draws itself into a rectangle of a buffer, and only there.
public protocol Widget {
    func render(into buffer: inout Buffer, area: Rect)
}
