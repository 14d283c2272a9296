/// Whether the terminal shows OSC 8 hyperlinks, from what it says of itself; unknown ones
/// get plain text (the URL is printed either way). THREATDECK_LINKS=1/0 overrides.
enum Hyperlinks {
    static func supported(_ env: [String: String]) -> Bool {
        if let forced = env["THREATDECK_LINKS"] { return forced == "1" || forced == "yes" }
        let program = env["TERM_PROGRAM"] ?? ""
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(program) { return true }
        if let vte = env["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        if env["KITTY_WINDOW_ID"] != nil || env["WT_SESSION"] != nil || env["KONSOLE_VERSION"] != nil { return true }
        let term = env["TERM"] ?? ""
        return term.hasPrefix("xterm-kitty") || term.hasPrefix("foot") || term.hasPrefix("alacritty")
    }
}
