import CNCurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a full-screen UI is possible before ncurses is touched: `initscr` exits
/// the process on an unknown TERM and misbehaves without a tty, so both are checked first.
public enum TerminalCheck {
    public struct Result: Sendable {
        /// The terminfo entry to open (may be a "-direct" variant of TERM for 24-bit colour).
        public var terminfoName: String
        public var colors: Int
        public var directColor: Bool
    }

    public enum Failure: Error, CustomStringConvertible, Sendable {
        case notATerminal
        case noTerm
        case dumb(String)
        case unknown(String)

        public var description: String {
            switch self {
            case .notATerminal: return "standard input or output is not a terminal"
            case .noTerm: return "TERM is not set"
            case .dumb(let t): return "TERM=\(t) cannot draw a full-screen interface"
            case .unknown(let t): return "TERM=\(t) is not in the terminfo database"
            }
        }
    }

    public static func check(environment: [String: String]) -> Swift.Result<Result, Failure> {
        guard isatty(0) == 1, isatty(1) == 1 else { return .failure(.notATerminal) }
        guard let term = environment["TERM"], !term.isEmpty else { return .failure(.noTerm) }
        if term == "dumb" || term == "unknown" { return .failure(.dumb(term)) }
        var colors: Int32 = 0, direct: Int32 = 0
        guard term.withCString({ td_terminfo_colors($0, 1, &colors, &direct) }) == 1 else { return .failure(.unknown(term)) }
        var result = Result(terminfoName: term, colors: Int(colors), directColor: direct == 1)
        // The emulator claims 24-bit colour but TERM does not describe it: ncurses can only
        // send it through a terminfo entry that does, so look for the "-direct" sibling.
        if !result.directColor && ColorTier.wantsTruecolor(environment) && colors >= 256 {
            let base = term.split(separator: "-").first.map(String.init) ?? term
            for candidate in [base + "-direct", base + "-direct2", "xterm-direct"] {
                var c: Int32 = 0, d: Int32 = 0
                if candidate.withCString({ td_terminfo_colors($0, 1, &c, &d) }) == 1, d == 1 {
                    result = Result(terminfoName: candidate, colors: Int(c), directColor: true)
                    break
                }
            }
        }
        return .success(result)
    }
}
