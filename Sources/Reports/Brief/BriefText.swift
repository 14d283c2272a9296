import ThreatModel

/// The brief's lines as they are written, with the reference numbers they cite.
struct BriefText {
    let view: ReportView
    let referenceList: [Reference]
    private(set) var lines: [String] = []

    init(view: ReportView) {
        self.view = view
        referenceList = view.references
    }

    mutating func add(_ more: String...) { lines += more }
    mutating func add(lines more: [String]) { lines += more }

    /// "[1][3]": the references a finding cites, by their number in the list.
    func cites(_ f: Finding) -> String {
        f.citedSources.compactMap { r in referenceList.firstIndex { $0.key == r.key && $0.title == r.title }.map { "[\($0 + 1)]" } }.joined()
    }
}

extension String {
    /// The first letter in capitals ("recount, …" → "Recount, …").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
