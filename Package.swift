// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ThreatDeck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "threatdeck", targets: ["threatdeck"]),
        .library(name: "ThreatModel", targets: ["ThreatModel"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
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
        // Formats → dataset → aggregates. Foundation only; no terminal.
        .target(name: "ThreatModel"),
        // The bundled sample report, embedded in the binary at build time so a copied binary still has it.
        .target(name: "SampleData", dependencies: ["ThreatModel"], plugins: ["EmbedResources"]),
        // Themes/*.yaml, embedded the same way.
        .target(name: "BundledThemes", plugins: ["EmbedResources"]),
        .executableTarget(name: "EmbedTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedTool"]),
        // Cells, buffers, layout, text width and sanitising, widgets. No terminal library.
        .target(name: "TerminalUI", dependencies: ["CSupport"]),
        // libc calls Swift's Glibc module does not expose (wcwidth, nl_langinfo).
        .target(name: "CSupport"),
        // App state, update(), panes, keymap, themes, kiosk schedule.
        .target(name: "Dashboard", dependencies: ["ThreatModel", "TerminalUI", .product(name: "Yams", package: "Yams")]),
        // The only place that touches ncurses.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TerminalUI", "Dashboard"]),
        // TAXII 2.1 client and polled feeds: discovery, collections, paged objects, cache.
        .target(name: "TaxiiSource", dependencies: [
            "ThreatModel", "Dashboard",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .executableTarget(
            name: "threatdeck",
            dependencies: [
                "ThreatModel", "SampleData", "BundledThemes", "TerminalUI", "Dashboard", "CursesBackend", "TaxiiSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["TerminalUI"]),
        .testTarget(name: "ThreatModelTests", dependencies: ["ThreatModel", "SampleData", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "ThreatModel", "SampleData", "BundledThemes", "TerminalUI", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "TerminalUI"]),
        .testTarget(name: "TaxiiTests", dependencies: ["TaxiiSource", "ThreatModel", "Dashboard", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
