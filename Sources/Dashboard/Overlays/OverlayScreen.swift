import Reports
import ThreatModel
import TerminalUI

/// Draws whichever overlay is open over the panes.
enum OverlayScreen {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        switch state.overlay {
        case .none: return
        case .help(let scroll): HelpOverlay.overlay(state, scroll: scroll).render(into: &buffer, area: area)
        case .problems(let scroll): ProblemsOverlay.overlay(state, scroll: scroll).render(into: &buffer, area: area)
        case .search(let query, let selected): SearchOverlay.render(state, query: query, selected: selected, into: &buffer, area: area)
        case .prompt(let text, let message): PromptOverlay.render(state, text: text, message: message, into: &buffer, area: area)
        case .export(let format, let path, let message): ExportOverlay.render(state, format: format, path: path, message: message, into: &buffer, area: area)
        case .overwrite(let request, let path): ExportOverlay.renderOverwrite(state, request: request, path: path, into: &buffer, area: area)
        }
    }
}

/// The key help, generated from the keymap.
enum HelpOverlay {
    static func overlay(_ state: AppState, scroll: Int) -> Overlay {
        let lines = Keymap.helpLines().map { line -> (text: String, style: Style) in
            (line, line.hasPrefix("  ") || line.isEmpty ? Style(.text) : Style(.title, attributes: .bold))
        }
        return Overlay(title: "Keys", note: "Esc closes", lines: lines, scroll: scroll, glyphs: state.glyphs, preferredWidth: 96)
    }

    static func scrollLimit(_ state: AppState) -> Int {
        overlay(state, scroll: 0).maxScroll(in: FrameLayout.compute(state).overlayArea, ascii: state.ascii)
    }
}

/// Sources with their status, files showing old data, then every problem (settings too),
/// wrapped so each `file:line:col: path: message` is readable whole.
enum ProblemsOverlay {
    static func overlay(_ state: AppState, scroll: Int) -> Overlay {
        let problems = state.problems
        var lines: [(text: String, style: Style)] = []
        for f in state.dataset.files {
            guard let status = f.status else { continue }
            lines.append((f.path + ": " + status.text(now: state.now), Style(LiveBadge.role(status), attributes: .bold)))
        }
        for f in state.dataset.files where f.staleSince != nil && f.status == nil {
            lines.append(
                (
                    f.path + ": showing the last good data" + ((f.staleSince ?? "").isEmpty ? "" : " (stale since \(f.staleSince!))"),
                    Style(.stale, attributes: .bold)
                ))
        }
        if problems.isEmpty {
            if state.dataset.files.isEmpty {
                lines.append(("No data loaded.", Style(.warning)))
            } else if state.dataset.actors.isEmpty && state.dataset.events.isEmpty {
                lines.append(
                    ("No problems, but the loaded files hold no actors or events: " + state.dataset.files.map(\.path).joined(separator: ", "), Style(.warning)))
            } else {
                lines.append(("No problems: every file loaded cleanly.", Style(.ok)))
            }
        }
        for p in problems.prefix(2000) {
            lines.append((p.description, Style(p.severity == .error ? .error : .warning)))
        }
        if problems.count > 2000 { lines.append(("… \(problems.count - 2000) more (threatdeck validate lists them all)", Style(.muted))) }
        return Overlay(
            title: "Sources and problems (\(problems.count))", note: "Esc closes", lines: lines, scroll: scroll, glyphs: state.glyphs,
            preferredWidth: max(60, state.width - 4), wrap: true)
    }

    static func scrollLimit(_ state: AppState) -> Int {
        overlay(state, scroll: 0).maxScroll(in: FrameLayout.compute(state).overlayArea, ascii: state.ascii)
    }
}

/// A field being typed, cut at the front when it is wider than the room, so the cursor
/// and the end of what was typed stay in sight (as readline does).
enum TypedField {
    static func fit(_ prefix: String, _ text: String, cursor: String, width: Int) -> String {
        let room = max(4, width - prefix.count - cursor.count)
        guard text.count > room else { return prefix + text + cursor }
        return prefix + "…" + String(text.suffix(room - 1)) + cursor
    }
}

/// `/`: incremental search with the matches under the query.
enum SearchOverlay {
    static func render(_ state: AppState, query: String, selected: Int, into buffer: inout Buffer, area: Rect) {
        let matches = Search.matches(state.dataset, query)
        let field = TypedField.fit("/", query, cursor: state.ascii ? "_" : "▏", width: min(76, area.width) - 4)
        var lines: [(text: String, style: Style)] = [(field, Style(.accent, attributes: .bold))]
        if query.isEmpty {
            lines.append(("Type a name or alias (Murky, HAFNIUM, Typhoon…), a technique (T1566, phishing), a sector or a region.", Style(.muted)))
        } else if matches.isEmpty {
            lines.append(
                (
                    "No match among actors, aliases, techniques, sectors and regions. :text:" + query + " filters events by their text; Esc cancels.",
                    Style(.muted)
                ))
        }
        let visible = max(1, min(12, area.height - 5))
        let top = max(0, min(selected - visible / 2, matches.count - visible))
        for (k, m) in matches.enumerated().dropFirst(top).prefix(visible) {
            let pointer = k == selected ? state.glyphs.pointer + " " : "  "
            lines.append((pointer + m.label + "  (" + m.detail + ")", k == selected ? Style(.text, background: .selection, attributes: .bold) : Style(.text)))
        }
        if matches.count > visible { lines.append((Format.plural(matches.count, "match", "matches"), Style(.muted))) }
        Overlay(title: "Search", note: "Enter goes to it · ↑ earlier · Esc", lines: lines, glyphs: state.glyphs, preferredWidth: 76)
            .render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, lines.count + 2)))
    }
}

/// `e`: choose a format and a file; the footer names the file once written.
enum ExportOverlay {
    static func render(_ state: AppState, format: Int, path: String, message: String?, into buffer: inout Buffer, area: Rect) {
        let choices = ExportFormat.dialogChoices
        var lines: [(text: String, style: Style)] = [("format (←→):", Style(.muted))]
        for (k, f) in choices.enumerated() {
            let mark = k == format ? state.glyphs.pointer + " " : "  "
            lines.append((mark + f.title, k == format ? Style(.text, background: .selection, attributes: .bold) : Style(.text)))
        }
        lines.append((TypedField.fit("file: ", path, cursor: state.ascii ? "_" : "▏", width: min(72, area.width) - 4), Style(.accent, attributes: .bold)))
        // The whole path, wrapped rather than cut: which directory it goes to is the point.
        lines.append(("writes:", Style(.muted)))
        lines.append((ExportPath.resolve(path.trimmingSpaces, in: state), Style(.text, attributes: .bold)))
        lines.append(("an existing file is replaced only after you say y", Style(.muted)))
        if let message { lines.append((message, Style(.error))) }
        Overlay(title: "Export the view", note: "Enter writes · Esc", lines: lines, glyphs: state.glyphs, preferredWidth: 72, wrap: true)
            .render(into: &buffer, area: area)
    }

    /// The file is there already: say which, and ask.
    static func renderOverwrite(_ state: AppState, request: ExportRequest, path: String, into buffer: inout Buffer, area: Rect) {
        let lines: [(text: String, style: Style)] = [
            (request.format.title, Style(.muted)),
            (path, Style(.text, attributes: .bold)),
            ("exists. Overwrite it?", Style(.warning, attributes: .bold)),
            ("y overwrites · n or Esc goes back to change the name", Style(.muted)),
        ]
        Overlay(title: "Export: the file exists", note: "y / n", lines: lines, glyphs: state.glyphs, preferredWidth: 72, wrap: true)
            .render(into: &buffer, area: area)
    }
}
