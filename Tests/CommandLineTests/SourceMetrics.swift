import Foundation

/// What the architecture tests measure in a Swift source file: its code with comments and
/// string contents blanked (so braces and words inside them do not count), and the length of
/// each function, initialiser and subscript body, found by matching braces.
struct SourceMetrics {
    let path: String
    let lines: [String]
    /// Each line with comments and string literal contents replaced by spaces.
    let code: [String]

    init(path: String) throws {
        self.path = path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        lines = text.components(separatedBy: "\n")
        code = SourceMetrics.blankCommentsAndStrings(text).components(separatedBy: "\n")
    }

    /// Declarations (func, init, subscript) with the number of lines from the declaration to
    /// the brace that closes its body.
    var functionLengths: [(line: Int, declaration: String, length: Int)] {
        let declaration = try! NSRegularExpression(pattern: #"(^|\s)(func\s+\S+|init[?!]?\s*[(<]|subscript\s*[(<])"#)
        var out: [(Int, String, Int)] = []
        for (k, line) in code.enumerated() {
            let ns = line as NSString
            guard declaration.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) != nil else { continue }
            // The body opens on this line or within the next few (a long signature); a
            // protocol requirement has none.
            var depth = 0, opened = false, end = k
            scan: for j in k..<min(code.count, k + 400) {
                for c in code[j] {
                    if c == "{" { depth += 1; opened = true }
                    if c == "}" {
                        depth -= 1
                        if opened && depth == 0 { end = j; break scan }
                    }
                }
                if !opened && j > k + 6 { break }
            }
            if opened { out.append((k + 1, lines[k].trimmingCharacters(in: .whitespaces), end - k + 1)) }
        }
        return out
    }

    /// Lines of code (not comments, not string contents) that contain `token`.
    func codeLines(containing token: String) -> [Int] {
        code.indices.filter { code[$0].contains(token) }.map { $0 + 1 }
    }

    /// Comments and the contents of string literals (with interpolations, raw and multi-line
    /// strings) become spaces; line breaks stay, so line numbers do.
    static func blankCommentsAndStrings(_ text: String) -> String {
        var lexer = Lexer(Array(text.unicodeScalars))
        lexer.code(from: 0, untilParenthesis: false)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: lexer.out)
        return String(result)
    }

    /// Blanks what is not code in `out`, scanning code and strings in turn.
    struct Lexer {
        let s: [Unicode.Scalar]
        var out: [Unicode.Scalar]

        init(_ s: [Unicode.Scalar]) {
            self.s = s
            out = s
        }

        mutating func blank(_ a: Int, _ b: Int) { for k in a..<min(b, s.count) where s[k] != "\n" { out[k] = " " } }

        func at(_ k: Int, _ text: String) -> Bool {
            let t = Array(text.unicodeScalars)
            return k + t.count <= s.count && Array(s[k..<k + t.count]) == t
        }

        /// Code from `i`: to the end, or (inside an interpolation) past its closing parenthesis.
        @discardableResult
        mutating func code(from start: Int, untilParenthesis: Bool) -> Int {
            var i = start, depth = 0
            while i < s.count {
                if at(i, "//") {
                    var j = i
                    while j < s.count && s[j] != "\n" { j += 1 }
                    blank(i, j)
                    i = j
                } else if at(i, "/*") {
                    var j = i + 2, nesting = 1
                    while j < s.count && nesting > 0 {
                        if at(j, "/*") { nesting += 1; j += 2 } else if at(j, "*/") { nesting -= 1; j += 2 } else { j += 1 }
                    }
                    blank(i, j)
                    i = j
                } else if s[i] == "\"" || (s[i] == "#" && (at(i + 1, "\"") || at(i + 1, "#"))) {
                    i = string(from: i)
                } else {
                    if untilParenthesis {
                        if s[i] == "(" { depth += 1 }
                        if s[i] == ")" {
                            if depth == 0 { return i + 1 }
                            depth -= 1
                        }
                    }
                    i += 1
                }
            }
            return i
        }

        /// A string literal starting at `start` (its hashes or first quote); the index after it.
        mutating func string(from start: Int) -> Int {
            var j = start, hashes = 0
            while j < s.count && s[j] == "#" { hashes += 1; j += 1 }
            guard j < s.count, s[j] == "\"" else { return j }
            let multiline = at(j, "\"\"\"")
            j += multiline ? 3 : 1
            let close = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            var from = j
            while j < s.count {
                if at(j, close) {
                    blank(from, j)
                    return j + close.unicodeScalars.count
                }
                if at(j, escape) {
                    let k = j + escape.unicodeScalars.count
                    if k < s.count && s[k] == "(" {
                        blank(from, j)
                        j = code(from: k + 1, untilParenthesis: true)
                        from = j
                        continue
                    }
                    j = k + 1
                    continue
                }
                if s[j] == "\n" && !multiline { break }
                j += 1
            }
            blank(from, j)
            return j
        }
    }
}
