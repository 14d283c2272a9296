/// ATT&CK descriptions as readable text: `[APT33](https://attack.mitre.org/groups/G0064)`
/// becomes "APT33", `(Citation: FireEye APT33 2017)` becomes "[1]" with the reference it
/// names listed, and `<code>` tags go. The sanitiser then makes the text safe to draw.
public enum AttackMarkdown {
    public struct Rendered: Equatable, Sendable {
        public var text: String
        /// The references cited, in the order of their numbers.
        public var cited: [Reference]
    }

    public static func render(_ markdown: String, references: [Reference]) -> Rendered {
        let chars = Array(markdown)
        var out = ""
        out.reserveCapacity(chars.count)
        var cited: [Reference] = []
        var citedKeys: [String] = []
        var i = 0
        func starts(_ s: String, at k: Int) -> Bool {
            let t = Array(s)
            guard k + t.count <= chars.count else { return false }
            for j in 0..<t.count where chars[k + j] != t[j] { return false }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            if c == "(" && starts("(Citation:", at: i), let close = chars[i...].firstIndex(of: ")") {
                // One or more "(Citation: A)(Citation: B)" become "[1][2]".
                var name = String(chars[(i + 10)..<close])
                while name.first == " " { name.removeFirst() }
                while name.last == " " { name.removeLast() }
                let number: Int
                if let k = citedKeys.firstIndex(of: name) {
                    number = k + 1
                } else {
                    citedKeys.append(name)
                    cited.append(references.first { $0.key == name } ?? Reference(key: name, title: name))
                    number = citedKeys.count
                }
                if out.last == " " { out.removeLast() }
                out += "[\(number)]"
                i = close + 1
                continue
            }
            if c == "[", let closeBracket = chars[i...].firstIndex(of: "]"), closeBracket + 1 < chars.count, chars[closeBracket + 1] == "(",
                let closeParen = chars[(closeBracket + 1)...].firstIndex(of: ")"), !chars[(i + 1)..<closeBracket].contains("[")
            {
                out += String(chars[(i + 1)..<closeBracket])
                i = closeParen + 1
                continue
            }
            if c == "<" && (starts("<code>", at: i) || starts("</code>", at: i)) {
                i += starts("<code>", at: i) ? 6 : 7
                continue
            }
            out.append(c)
            i += 1
        }
        return Rendered(text: out, cited: cited)
    }
}
