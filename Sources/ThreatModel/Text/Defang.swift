/// Indicators made safe to show and paste (`hxxp://evil[.]example`), and typed indicators made
/// real again, so a value copied from a report in either form finds the indicator.
///
/// On screen and in Markdown every URL scheme is defanged (no terminal or viewer makes it a
/// link) and, for network types (URLs, domains, hosts, addresses, e-mail), every dot. What is
/// typed into a search or an `ioc:` chip is refanged first.
public enum Defang {
    /// MISP types whose values name a place on the network: their dots are defanged.
    static let networkWords = ["url", "uri", "link", "domain", "hostname", "ip-", "email", "host", "whois", "dns"]

    /// True for types whose values name a place on the network ("ip-dst", "domain|ip", "url").
    public static func isNetwork(_ type: String) -> Bool {
        let t = type.lowercased()
        return networkWords.contains { t.contains($0) }
    }

    /// `http://a.b/c` → `hxxp://a[.]b/c` for network types; only the scheme for the others.
    public static func value(_ value: String, type: String) -> String {
        let schemes = defangSchemes(value)
        return isNetwork(type) ? schemes.replacingAll(".", with: "[.]") : schemes
    }

    /// `hxxp`, `hxxps`, `fxp` for `http`, `https`, `ftp` wherever a scheme starts (`://`).
    static func defangSchemes(_ text: String) -> String {
        guard text.contains("://") else { return text }
        var out = text
        for (scheme, safe) in [("https://", "hxxps://"), ("http://", "hxxp://"), ("ftp://", "fxp://")] {
            out = out.replacingCaseInsensitive(scheme, with: safe)
        }
        return out
    }

    /// Spellings of defanged characters, and what each stands for.
    static let refangs: [(String, String)] = [
        ("[.]", "."), ("(.)", "."), ("{.}", "."), ("[dot]", "."), ("(dot)", "."), ("[:]", ":"), ("[://]", "://"),
        ("[@]", "@"), ("[at]", "@"), ("(at)", "@"), ("[/]", "/"),
    ]

    /// `hxxp://evil[.]example` → `http://evil.example`; text that is not defanged is returned as is.
    public static func refang(_ text: String) -> String {
        var out = text.trimmingSpaces
        for (spelling, real) in refangs { out = out.replacingCaseInsensitive(spelling, with: real) }
        for (safe, scheme) in [("hxxps://", "https://"), ("hxxp://", "http://"), ("fxp://", "ftp://"), ("hxxps:", "https:"), ("hxxp:", "http:")] {
            out = out.replacingCaseInsensitive(safe, with: scheme)
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` (ASCII, case ignored) replaced by `replacement`.
    func replacingCaseInsensitive(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8).map(Self.lowerASCII)
        guard !t.isEmpty else { return self }
        let u = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var k = 0, changed = false
        while k < u.count {
            if k + t.count <= u.count, Self.lowerASCII(u[k]) == t[0], (0..<t.count).allSatisfy({ Self.lowerASCII(u[k + $0]) == t[$0] }) {
                out.append(contentsOf: replacement.utf8)
                k += t.count
                changed = true
            } else {
                out.append(u[k])
                k += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }

    /// Every occurrence of `target` replaced (exact match).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
}
