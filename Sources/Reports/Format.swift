import TerminalUI
import ThreatModel

/// Number and word formatting shared by panes, summary and exports.
public enum Format {
    /// "43.6%" for 0.436; never NaN or infinity on screen.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "-" }
        let tenths = Int((max(-10, min(10, fraction)) * 1000).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)%"
    }

    /// "1,234".
    public static func count(_ n: Int) -> String { Noun.grouped(n) }

    /// "1 event", "2 events", "1,204 actors": `Noun.count`, the one pluralisation.
    public static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String { Noun(word, plural: plural).count(n) }

    /// "1 event", "2 events".
    public static func count(_ n: Int, _ noun: Noun) -> String { noun.count(n) }

    /// A signed change: "+12", "−3", "0".
    public static func delta(_ n: Int) -> String {
        n > 0 ? "+" + count(n) : n < 0 ? "−" + count(-n) : "0"
    }

    /// Share points: "+4.2 pp", "−0.3 pp".
    public static func points(_ fractionDelta: Double) -> String {
        guard fractionDelta.isFinite else { return "-" }
        let tenths = Int((max(-10, min(10, fractionDelta)) * 1000).rounded())
        let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10) pp"
    }

    public static func padLeft(_ s: String, _ width: Int) -> String {
        let w = TextWidth.width(of: s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    public static func padRight(_ s: String, _ width: Int) -> String {
        let w = TextWidth.width(of: s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
