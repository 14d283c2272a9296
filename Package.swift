// swift-tools-version: 6.1
import PackageDescription

// Release builds emit each function in its own section, and the link places the functions a
// dashboard run executes first and together (Benchmarks/hot-functions.txt, made by
// Benchmarks/link-order.sh): a process maps 64 KiB of code around each page it first runs,
// and with the hot code scattered over 27 MB of text it mapped 18 MB of it.
let ownCode: [SwiftSetting] = [.unsafeFlags(["-function-sections"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "ThreatDeck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "threatdeck", targets: ["threatdeck"]),
        .library(name: "ThreatModel", targets: ["ThreatModel"]),
        .library(name: "Readers", targets: ["Readers"]),
        .library(name: "Identity", targets: ["Identity"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Loading", targets: ["Loading"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
        // For the Benchmarks and Fuzz packages beside this one.
        .library(name: "JSONCore", targets: ["JSONCore"]),
        .library(name: "Settings", targets: ["Settings"]),
        .library(name: "LiveSources", targets: ["LiveSources"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // TAXII 2.1: custom CA files and verification control, which URLSession cannot do on
        // Linux, and TLS built in (BoringSSL), so the static binary needs no libcurl.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The model layer, in the order data flows through it (README, "Architecture"):
        // JSONCore → Readers → Identity → Analysis, with the model's plain values below all of
        // them and Loading beside the readers. Every arrow points down this list.
        //
        // The JSON tape parser (strict RFC 8259, byte ranges and paths for every value) and the
        // few unsafe primitives the layers above share (parallel map). Knows no domain type.
        .target(name: "JSONCore", dependencies: ["CFileMapping"], swiftSettings: ownCode),
        // Plain values: actors, events, findings, techniques, vocabularies, a file's records, the
        // merged dataset and its index. No I/O, no format, no merge rule.
        .target(name: "ThreatModel", dependencies: ["JSONCore"], swiftSettings: ownCode),
        // One reader per format: bytes in, records and located problems out. Knows no merge,
        // no file system, no other format.
        .target(name: "Readers", dependencies: ["JSONCore", "ThreatModel"], swiftSettings: ownCode),
        // The identity rules: many files' records merged into one dataset, every merge explained.
        .target(name: "Identity", dependencies: ["JSONCore", "ThreatModel"], swiftSettings: ownCode),
        // Filters and counts over a merged dataset: what every pane and export asks.
        .target(name: "Analysis", dependencies: ["JSONCore", "ThreatModel"], swiftSettings: ownCode),
        // Files, mappings, inotify, the clock and the loader: bytes to readers, records to identity.
        .target(name: "Loading", dependencies: ["JSONCore", "ThreatModel", "Readers", "Identity", "CFreedMemory"], swiftSettings: ownCode),
        // glibc's malloc_trim, for the pages a load frees (Swift's Glibc module lacks malloc.h).
        .target(name: "CFreedMemory"),
        // Read-only file mappings that a file shrinking under them cannot crash (SIGBUS), in C.
        .target(name: "CFileMapping"),
        // The bundled sample report, embedded in the binary at build time so a copied binary still has it.
        .target(name: "SampleData", dependencies: ["ThreatModel", "Readers", "Identity"], swiftSettings: ownCode, plugins: ["EmbedResources"]),
        // Themes/*.yaml, embedded the same way.
        .target(name: "BundledThemes", swiftSettings: ownCode, plugins: ["EmbedResources"]),
        .target(name: "BuildInfo", swiftSettings: ownCode, plugins: ["EmbedResources"]),
        .executableTarget(name: "EmbedTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedTool"]),
        // libc text width and locale calls Swift's Glibc module does not expose (wcwidth, nl_langinfo).
        .target(name: "CTextWidth"),
        // Cells, buffers, layout, text width and sanitising, widgets, terminal input types. No terminal library.
        .target(name: "TerminalUI", dependencies: ["CTextWidth"], swiftSettings: ownCode),
        // The view as text and data: summary, Markdown brief, CSV, JSON, STIX, Navigator layers, comparisons.
        .target(name: "Reports", dependencies: ["ThreatModel", "Analysis", "Loading", "TerminalUI"], swiftSettings: ownCode),
        // App state, update(), panes, keymap, kiosk schedule. Pure: no terminal, no YAML, no I/O.
        .target(name: "Dashboard", dependencies: ["ThreatModel", "Analysis", "Loading", "TerminalUI", "Reports"], swiftSettings: ownCode),
        // config.yaml and theme files (YAML, with line:column in every complaint).
        .target(name: "Settings", dependencies: ["Dashboard", "ThreatModel", "TerminalUI", .product(name: "Yams", package: "Yams")], swiftSettings: ownCode),
        // The only place that touches ncurses.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // Signals, poll and crash-time terminal restore, in C so handlers stay async-signal-safe.
        .target(name: "CTerminalControl", dependencies: ["CFileMapping"]),
        .target(name: "CursesBackend", dependencies: ["CNCurses", "CTerminalControl", "TerminalUI"], swiftSettings: ownCode),
        // Live sources: TAXII 2.1 collections and MISP feeds over HTTP(S), with caches.
        .target(name: "LiveSources", dependencies: [
            "ThreatModel", "Readers", "Identity", "Loading",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], swiftSettings: ownCode),
        .executableTarget(
            name: "threatdeck",
            dependencies: [
                "JSONCore", "ThreatModel", "Readers", "Identity", "Analysis", "Loading", "SampleData", "BundledThemes", "BuildInfo", "TerminalUI", "Reports", "Dashboard", "Settings", "CursesBackend", "LiveSources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in: loading and binding a dozen shared
            // libraries was 10 of the 25 ms a small file took to its first frame.
            swiftSettings: ownCode,
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux])),
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Benchmarks/hot-functions.txt", "-Xlinker", "--no-warn-symbol-ordering"],
                    .when(platforms: [.linux], configuration: .release)),
                // What static Foundation needs and the driver does not name without `--static-swift-stdlib`.
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
                .linkedLibrary("CoreFoundation", .when(platforms: [.linux])),
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
                .linkedLibrary("stdc++", .when(platforms: [.linux])),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["TerminalUI", "ThreatModel", "Readers", "Identity", "Loading"]),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ThreatModelTests", dependencies: ["ThreatModel", "Readers", "Identity", "Analysis", "Loading", "JSONCore", "SampleData", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Reports", "Settings", "ThreatModel", "Readers", "Identity", "Analysis", "Loading", "SampleData", "BundledThemes", "TerminalUI", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "TerminalUI", "Dashboard"]),
        .testTarget(name: "CommandLineTests", dependencies: ["TestSupport"]),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["JSONCore", "ThreatModel", "Readers", "Identity", "Analysis", "TerminalUI", "Settings", "LiveSources", "TestSupport"]),
        .testTarget(name: "LiveSourcesTests", dependencies: ["LiveSources", "ThreatModel", "Readers", "Identity", "Loading", "Dashboard", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
