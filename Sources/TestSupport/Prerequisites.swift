import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What some tests need from the machine (tmux, sshd, a German locale). On a developer's
/// machine a missing tool skips those tests; under `.ci/run` (THREATDECK_CI=1) nothing may be
/// skipped, so a missing prerequisite fails instead of passing silently.
public enum Prerequisites {
    public static var strict: Bool { ProcessInfo.processInfo.environment["THREATDECK_CI"] == "1" }

    /// A German UTF-8 locale for LC_NUMERIC: the system's, else one built with localedef into
    /// a private LOCPATH (no root needed). Nil when neither works.
    public static func germanNumeric() -> String? {
        for name in ["de_DE.UTF-8", "de_DE.utf8"] where setlocale(LC_NUMERIC, name) != nil { return name }
        let dir = NSTemporaryDirectory() + "td-locales-\(getuid())"
        if access(dir + "/de_DE.UTF-8", F_OK) != 0 {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            _ = Subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", dir + "/de_DE.UTF-8"])
        }
        setenv("LOCPATH", dir, 1)
        return setlocale(LC_NUMERIC, "de_DE.UTF-8") != nil ? "de_DE.UTF-8 (LOCPATH)" : nil
    }
}
