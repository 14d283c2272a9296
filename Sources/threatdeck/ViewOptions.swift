import ArgumentParser
import Dashboard
import Reports
import Settings
import ThreatModel
import Analysis

/// What part of the data a command shows: filter chips, a saved view, a comparison, a TLP
/// limit. Shared by the dashboard, `summary`, `snapshot` and `export`.
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("filter"), help: ArgumentHelp("Filter chip, repeatable: \(FilterSpec.syntax)", valueName: "KIND:VALUE"))
    var filters: [String] = []

    @Option(help: "A saved view from config.yaml (views:), applied before --filter.")
    var view: String?

    @Option(help: ArgumentHelp("Compare with window:A..B or previous (the period of equal length just before).", valueName: "SPEC"))
    var compare: String?

    @Option(name: .customLong("max-tlp"), help: "Hide everything marked above: clear, green, amber, amber+strict, red.")
    var maxTLP: String?

    func validate() throws {
        if let compare, CompareSpec(parsing: compare) == nil {
            // Say what is wrong: the shape, or dates the wrong way round.
            let body = compare.hasPrefix("window:") ? String(compare.dropFirst(7)) : compare
            let parts = body.components(separatedBy: "..")
            if parts.count == 2, let a = Day(parsing: parts[0]), let b = Day(parsing: parts[1]), b < a {
                throw ValidationError("--compare \(compare): the window ends (\(b)) before it starts (\(a))")
            }
            throw ValidationError("--compare \(compare): expected window:YYYY-MM-DD..YYYY-MM-DD or previous")
        }
        if let maxTLP, TLP(tag: maxTLP) == nil { throw ValidationError("--max-tlp \(maxTLP): expected clear, green, amber, amber+strict or red") }
    }

    /// The layout a saved view names (`layout:NAME` among its chips), if any.
    func savedLayout(config: Config) -> String? {
        guard let view, let chips = config.views[view] else { return nil }
        return chips.first { $0.lowercased().hasPrefix("layout:") }.map { String($0.dropFirst(7)) }
    }

    var compareSpec: CompareSpec? { compare.flatMap(CompareSpec.init(parsing:)) }

    /// The TLP limit: the option, else the config's (kiosk has its own default).
    func tlpLimit(config: Config, kiosk: Bool = false) -> TLP? {
        if let maxTLP { return TLP(tag: maxTLP) }
        if kiosk { return config.kioskMaxTLP ?? .green }
        return config.maxTLP
    }

    /// The filter: the saved view's chips, then --filter's; exit 2 with the reason if bad.
    func filter(dataset: Dataset, config: Config, command: String) throws -> Filter {
        var specs: [String] = []
        if let view {
            guard let chips = config.views[view] else {
                printError("\(command): no saved view \"\(view)\" (config.yaml views: \(config.views.keys.sorted().joined(separator: ", ")))")
                throw ExitCode(2)
            }
            specs += chips.filter { !$0.lowercased().hasPrefix("layout:") }
        }
        specs += filters
        do {
            return try FilterSpec.parse(specs, dataset: dataset)
        } catch {
            printError("\(command): \(error.description)")
            throw ExitCode(2)
        }
    }
}
