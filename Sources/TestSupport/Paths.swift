#if canImport(Glibc)
import Glibc
#endif

/// Locations the tests need, found from this source file's path so `swift test` works from
/// any working directory.
public enum TestPaths {
    /// The package root (the directory holding Package.swift).
    public static var packageRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        // …/Sources/TestSupport/Paths.swift → drop three components.
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    /// The shared public data (../shared/data next to the checkout), used read-only and never
    /// copied. Looked for beside the package and its parents, so a clone anywhere under the
    /// workspace finds it.
    public static var sharedData: String { shared + "/data" }

    /// The shared folder (data, seeds, tools).
    public static var shared: String {
        var dir = packageRoot
        for _ in 0..<6 {
            let candidate = dir + "/../shared"
            if access(candidate + "/data/PROVENANCE.md", F_OK) == 0 { return candidate }
            dir += "/.."
        }
        return "/work/shared"
    }

    public static var sampleData: String { packageRoot + "/sample-data" }
    public static var themes: String { packageRoot + "/Themes" }
    public static var tests: String { packageRoot + "/Tests" }
}
