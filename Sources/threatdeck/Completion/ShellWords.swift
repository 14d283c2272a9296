/// A command line split as a POSIX shell splits it (spaces, single and double quotes,
/// backslashes), for completion: the words before the cursor, the word being typed, and where
/// readline starts the word it will replace (bash breaks words at `:` and `=` as well).
struct ShellWords: Equatable {
    /// Complete words, unquoted.
    var words: [String]
    /// The word being typed, unquoted ("" after a space).
    var current: String
    /// How many characters of `current` lie before readline's own word (after its last `:` or `=`).
    var readlineOffset: Int
    /// The quote left open in the word being typed, if any.
    var openQuote: Character?

    static let readlineBreaks: Set<Character> = [":", "=", "'", "\"", ">", "<", ";", "|", "&", "("]

    init(_ line: String) {
        words = []
        current = ""
        readlineOffset = 0
        openQuote = nil
        var inWord = false
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            if let q = openQuote {
                if c == q { openQuote = nil } else if c == "\\" && q == "\"" { escaped = true } else { current.append(c) }
                continue
            }
            switch c {
            case " ", "\t", "\n":
                if inWord { words.append(current) }
                current = ""
                readlineOffset = 0
                inWord = false
            case "\\":
                escaped = true
                inWord = true
            case "\"", "'":
                openQuote = c
                inWord = true
                readlineOffset = current.count
            default:
                inWord = true
                current.append(c)
                if Self.readlineBreaks.contains(c) { readlineOffset = current.count }
            }
        }
    }
}
