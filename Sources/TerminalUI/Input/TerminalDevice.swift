/// The terminal seam: the ncurses backend in the app, a scripted twin in tests and benchmarks.
public protocol TerminalDevice: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Puts the frame on the screen: only the cells that changed, unless `full` (a new theme,
    /// Ctrl-L), when every cell is written again.
    func draw(_ buffer: Buffer, palette: Palette, full: Bool)
    /// Blocks until input, a signal, a wake-up on `wakeDescriptor` or the timeout (nil: none).
    func nextInput(timeout: Double?, wakeDescriptor: Int32?) -> Input
    /// Linear mode: says lines of plain text, one after another (a drawing device ignores them).
    func announce(_ lines: [String])
    /// Puts text on the user's clipboard (OSC 52); a device without a terminal ignores it.
    func copy(_ text: String)
}

extension TerminalDevice {
    public func announce(_ lines: [String]) {}
    public func copy(_ text: String) {}
}
