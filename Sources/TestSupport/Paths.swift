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

    /// The shared public data (../shared/data), used read-only and never copied.
    public static var sharedData: String { packageRoot + "/../shared/data" }

    public static var sampleData: String { packageRoot + "/sample-data" }
    public static var themes: String { packageRoot + "/Themes" }
    public static var tests: String { packageRoot + "/Tests" }
}
