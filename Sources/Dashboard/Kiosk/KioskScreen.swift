import ThreatModel
import TerminalUI

/// What kiosk mode adds to a frame: clock, data age, rotation progress, a STALE banner that
/// cannot be missed, and the headline view in block digits.
enum KioskScreen {
    static func decorate(_ state: AppState, _ k: KioskState, into buffer: inout Buffer) {
        let g = Screen.geometry(state)
        let line = g.header.row(1)
        guard !line.isEmpty else { return }
        buffer.fill(line, Cell(" ", style: Style(.text)))
        // Progress: filled marks for the time elapsed in this view.
        let steps = 8
        let elapsed = min(steps, Int(((k.config.rotateSeconds - k.remaining(now: state.now)) / k.config.rotateSeconds * Double(steps)).rounded(.down)))
        let progress = String(repeating: state.ascii ? "#" : "▰", count: elapsed) + String(repeating: state.ascii ? "-" : "▱", count: steps - elapsed)
        let left = "\(ClockFormat.time(state.now)) · data as of \(ClockFormat.time(k.dataAsOf)) (\(ClockFormat.duration(state.now - k.dataAsOf)) ago)"
        var x = buffer.put(left, x: line.x, y: line.y, style: Style(.text, attributes: .bold))
        if !state.filter.isEmpty {
            x += buffer.put(" · " + state.filter.chips.map { HeaderBar.chipLabel($0, state) }.joined(separator: " "), x: line.x + x, y: line.y, style: Style(.chip, attributes: .bold),
                            maxWidth: line.width - x - 30)
        }
        let right = "view \(k.viewIndex % k.config.views.count + 1)/\(k.config.views.count) \(k.view) " + progress + " locked"
        buffer.putRight(right, maxX: line.maxX, y: line.y, style: Style(.muted))
        if let reason = k.staleReason(now: state.now, dataset: state.dataset) {
            let banner = Rect(x: 0, y: g.header.y, width: state.width, height: 1)
            buffer.fill(banner, Cell(" ", style: Style(.stale, attributes: [.reverse, .bold])))
            buffer.put(" STALE · data as of \(ClockFormat.dateTime(k.dataAsOf)) · " + reason, x: 0, y: banner.y,
                       style: Style(.stale, attributes: [.reverse, .bold]), maxWidth: state.width)
        }
        if k.view == .headline { headline(state, into: &buffer, area: Rect(x: 0, y: g.header.maxY, width: state.width, height: g.footer.y - g.header.maxY)) }
    }

    /// The stated share in large digits with its qualifier and what it is a share of; without
    /// a stated figure, the largest recounted share, labelled as a recount.
    static func headline(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, Cell(" ", style: Style(.text)))
        let b = state.breakdown
        var figure: String
        var caption: [String]
        var role: Role = .accent
        if let stated = b.stated.first {
            let f = stated.finding
            figure = f.formatted(ascii: true).replacingOccurrences(">=", "≥").replacingOccurrences("<=", "≤")
            if state.ascii { figure = f.formatted(ascii: true).replacingOccurrences(">=", ">").replacingOccurrences("<=", "<") }
            let subject = f.subjectNexus?.name ?? "the subject"
            caption = ["\(subject)-nexus share of " + f.population, (f.period.map { $0.description + " · " } ?? "") + "stated by the report"]
            role = Role.nexus(f.subjectNexus?.code)
        } else if let top = b.rows.first(where: { $0.nexus != .unknown }) {
            figure = Format.percent(top.share).replacingOccurrences(".0%", "%")
            caption = ["\(top.nexus.name)-nexus share of \(b.measure.rawValue) in the loaded data", "recounted from \(Format.count(b.total)) \(b.measure.rawValue), not a stated figure"]
        } else {
            figure = "-"
            caption = ["no data in view"]
        }
        let digitsWidth = BlockDigits.width(of: figure)
        let scale = area.height >= BlockDigits.height + 6
        let top = area.y + max(0, (area.height - (scale ? BlockDigits.height + 4 : 3)) / 2)
        if scale && digitsWidth <= area.width {
            BlockDigits(figure, style: Style(role, attributes: .bold), glyphs: state.glyphs)
                .render(into: &buffer, area: Rect(x: area.x + (area.width - digitsWidth) / 2, y: top, width: digitsWidth, height: BlockDigits.height))
        } else {
            buffer.put(figure, x: area.x + max(0, (area.width - figure.count) / 2), y: top, style: Style(role, attributes: .bold))
        }
        var y = top + (scale ? BlockDigits.height + 1 : 2)
        for (k, line) in caption.enumerated() where y < area.maxY {
            let w = TextWidth.width(of: line, ascii: state.ascii)
            buffer.put(line, x: area.x + max(0, (area.width - w) / 2), y: y, style: Style(k == 0 ? .text : .muted, attributes: k == 0 ? .bold : []), maxWidth: area.width)
            y += 1
        }
    }
}

extension String {
    /// Plain substring replacement without Foundation.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
