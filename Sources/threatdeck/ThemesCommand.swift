import ArgumentParser
import Settings
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the available themes with a preview strip of their colours."
    )

    @Option(help: "Colour tier for the preview: truecolor, 256, 16, 8, monochrome.")
    var colors: String = "256"

    @Option(help: "Colour: auto (only to a terminal, NO_COLOR honoured), always or never.")
    var color: Config.ColorChoice = .auto

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let env = ProcessContext.environment
        let (themes, errors) = ProcessContext.loadThemes()
        let noColor = (env["NO_COLOR"].map { !$0.isEmpty } ?? false)
        // Colour only to a terminal: a pipe or a file gets plain text, as ls and grep do.
        let colored = color == .always || (color == .auto && !noColor && isatty(1) == 1)
        let tier = colored ? (ColorTier(rawValue: colors) ?? .color256) : .monochrome
        for theme in themes {
            var buffer = Buffer(width: 80, height: 2, ascii: !unicode)
            buffer.put(theme.name, x: 0, y: 0, style: Style(.title, attributes: .bold), maxWidth: 16)
            buffer.put(theme.summary + " (" + theme.origin + ")", x: 17, y: 0, style: Style(.muted), maxWidth: 63)
            var x = 0
            let sample: [Role] = [.text, .muted, .accent, .title, .warning, .error, .stale, .ok] + Role.heat + [.nexusChina, .nexusRussia, .nexusNorthKorea, .nexusIran, .nexusOther, .nexusUnknown]
            for role in sample {
                x += buffer.put(unicode ? "██" : "##", x: x, y: 1, style: Style(role))
                x += 1
            }
            if colored {
                print(AnsiRenderer.render(buffer, palette: Palette(theme: theme, tier: tier)), terminator: "")
            } else {
                print(buffer.text)
            }
        }
        for e in errors { printError("theme not loaded: \(e)") }
    }
}
