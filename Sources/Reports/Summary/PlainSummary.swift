import Analysis
import TerminalUI
import ThreatModel

/// The dashboard's numbers as plain text: `threatdeck summary`, and the fallback when
/// stdout is not a terminal. Every line passes through `TerminalText`; every count says what
/// it counts ("0 events", "1 actor").
public enum PlainSummary {
    public static func render(_ dataset: Dataset, filter: Filter = .none, ascii: Bool = false, loadMilliseconds: Double? = nil, events: Int = 0) -> String {
        render(ReportView(dataset: dataset, filter: filter, loadMilliseconds: loadMilliseconds), ascii: ascii, events: events)
    }

    public static func render(_ view: ReportView, ascii: Bool = false, events eventLimit: Int = 0) -> String {
        var out = SummaryLines(ascii: ascii)
        header(view, into: &out)
        breakdown(view, into: &out)
        sectors(view, into: &out)
        techniques(view, into: &out)
        indicators(view, into: &out)
        timeline(view, into: &out)
        if eventLimit > 0 { events(view, limit: eventLimit, into: &out) }
        return out.text
    }

    /// Report titles, what is loaded and in view, the filter, markings, problems.
    static func header(_ view: ReportView, into out: inout SummaryLines) {
        let dataset = view.dataset, selection = view.selection
        out.line("ThreatDeck summary")
        for r in dataset.reports {
            var s = "report: " + r.title
            if let p = r.publisher { s += " · " + p }
            if let p = r.period { s += " · period " + p.description }
            if r.synthetic { s += " · SYNTHETIC (generated, not intelligence)" }
            if let tlp = r.tlp { s += " · " + tlp.label }
            out.line(s)
        }
        var loaded = Noun.file.count(dataset.files.count) + " · " + inView(selection.actorIDs.count, of: dataset.actors.count, .actor)
        loaded += " · " + inView(selection.eventIndices.count, of: dataset.events.count, .event)
        loaded += " · " + Noun.campaign.count(selection.campaignIndices.count) + " · " + Noun.finding.count(dataset.findings.count)
        if let ms = view.loadMilliseconds { loaded += " · loaded in \(Int(ms.rounded())) ms" }
        out.line(loaded)
        // Live sources say how fresh they are: a summary is only as good as its last pull.
        for f in dataset.files {
            if let status = f.status { out.line("source: \(f.path) · \(status.text(now: view.generatedAt > 0 ? view.generatedAt : status.since))") }
        }
        out.line("filter: " + view.filterText)
        if let c = view.comparison { out.line("compared with: " + c.baselineWindow.description + " (" + c.spec.description + ")") }
        if let marking = dataset.highestMarking { out.line("highest marking in view: " + marking.label) }
        let hidden = dataset.hidden
        if hidden.total > 0, let limit = hidden.limit {
            let parts = [
                (hidden.actors, Noun.actor), (hidden.events, .event), (hidden.findings, .finding), (hidden.reports, .report), (hidden.other, .campaign),
            ]
            out.line(
                "hidden above TLP:" + limit.rawValue.uppercased() + ": " + Noun.record.count(hidden.total) + " ("
                    + parts.filter { $0.0 > 0 }.map { $0.1.count($0.0) }.joined(separator: ", ") + ")")
        }
        let errors = dataset.errorCount
        if !dataset.problems.isEmpty {
            out.line(
                "problems: " + Noun.error.count(errors) + ", " + Noun.warning.count(dataset.problems.count - errors) + " (threatdeck validate FILE lists them)")
        }
        if dataset.actors.isEmpty && dataset.events.isEmpty { out.line("no actors or events loaded") }
        out.line()
    }

    /// "3 of 1,066 actors", "1 of 1 actor".
    static func inView(_ n: Int, of total: Int, _ noun: Noun) -> String { Noun.grouped(n) + " of " + noun.count(total) }

    static func mark(_ delta: Double, ascii: Bool) -> String {
        if abs(delta) < 0.0005 { return "" }
        return delta > 0 ? (ascii ? "^" : "▲") : (ascii ? "v" : "▼")
    }
}

/// The summary's lines as they are written, each sanitised for the terminal.
struct SummaryLines {
    let ascii: Bool
    private(set) var lines: [String] = []

    init(ascii: Bool) { self.ascii = ascii }

    mutating func line(_ s: String = "") { lines.append(TerminalText.sanitize(s, ascii: ascii)) }

    var text: String { lines.joined(separator: "\n") + "\n" }

    func pad(_ s: String, _ w: Int) -> String { Format.padRight(s, w) }
    func padL(_ s: String, _ w: Int) -> String { Format.padLeft(s, w) }
}
