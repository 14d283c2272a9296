import Dashboard
import Settings
import ThreatModel

/// What the settings files did to the start: their problems for `p` and the footer line
/// that points there. Shared by `run` and `snapshot`, so a snapshot shows what the live
/// screen shows.
enum SettingsNotice {
    static func apply(to options: inout StartOptions, configError: SettingsError?, themeError: SettingsError?, themeErrors: [SettingsError]) {
        var errors: [SettingsError] = []
        if let configError { errors.append(configError) }
        if let themeError { errors.append(themeError) }
        errors += themeErrors
        options.settingsProblems = ProcessContext.problems(errors)
        if let configError {
            let name = configError.file.split(separator: "/").last.map(String.init) ?? configError.file
            options.status = ("config ignored: " + name + ":\(configError.line) · p shows why", .error, 20)
        } else if themeError != nil {
            options.status = ("theme not used · p shows why", .error, 20)
        } else if !themeErrors.isEmpty {
            options.status = ("\(themeErrors.count) theme file\(themeErrors.count == 1 ? "" : "s") skipped · p shows why", .warning, 15)
        }
    }
}
