import ArgumentParser
import Dashboard
import Settings
import ThreatModel

/// What the settings files did to the start: their problems for `p` and the footer line
/// that points there. Shared by `run` and `snapshot`, so a snapshot shows what the live
/// screen shows.
enum SettingsNotice {
    @discardableResult
    static func apply(
        to options: inout StartOptions, config: Config, layout: String?, configError: SettingsError?, themeError: SettingsError?, themeErrors: [SettingsError]
    ) -> [SettingsError] {
        var errors: [SettingsError] = []
        if let configError { errors.append(configError) }
        if let themeError { errors.append(themeError) }
        errors += themeErrors
        options.settingsProblems = ProcessContext.problems(errors)
        let layoutProblems = configError == nil ? applyLayouts(to: &options, config: config, chosen: layout) : []
        if let configError {
            let name = configError.file.split(separator: "/").last.map(String.init) ?? configError.file
            options.status = ("config ignored: " + name + ":\(configError.line) · p shows why", .error, 20)
        } else if themeError != nil {
            options.status = ("theme not used · p shows why", .error, 20)
        } else if !themeErrors.isEmpty {
            options.status = ("\(themeErrors.count) theme file\(themeErrors.count == 1 ? "" : "s") skipped · p shows why", .warning, 15)
        }
        return layoutProblems
    }

    /// The config's layouts, and the one to start with: `--layout`, else the saved view's,
    /// else the config's `layout:`. A wrong one is a problem under `p` and the built-in
    /// layout is used.
    static func applyLayouts(to options: inout StartOptions, config: Config, chosen: String?) -> [SettingsError] {
        options.layouts = config.layouts
        var problems = config.layoutProblems
        if let name = chosen ?? config.layout {
            if (config.layouts + BuiltinLayouts.all).contains(where: { $0.name == name }) || name == "auto" {
                options.layout = name == "auto" ? nil : name
            } else {
                let known = (config.layouts + BuiltinLayouts.all).map(\.name).joined(separator: ", ")
                let where_ = chosen == nil ? "config.yaml layout:" : "layout"
                problems.append(
                    SettingsError(
                        file: chosen == nil ? "config.yaml" : "--layout", line: 1, column: 1, key: "layout",
                        message: "\(where_) \"\(name)\" is not defined (\(known)); the built-in layout is used"))
            }
        }
        options.settingsProblems += ProcessContext.problems(problems)
        if let first = problems.first, options.status == nil {
            let name = first.file.split(separator: "/").last.map(String.init) ?? first.file
            options.status = ("layout not used: " + name + ":\(first.line) · p shows why", .warning, 20)
        }
        return problems
    }

    /// `--layout NAME` that names no layout is a usage error (exit 2), as a bad `--filter` is.
    static func checkLayoutOption(_ name: String?, config: Config, command: String) throws {
        guard let name, name != "auto" else { return }
        let known = (BuiltinLayouts.all + config.layouts).map(\.name)
        guard !known.contains(name) else { return }
        printError("\(command): --layout \(name): no such layout (\(known.joined(separator: ", ")), auto)")
        throw ExitCode(2)
    }
}
