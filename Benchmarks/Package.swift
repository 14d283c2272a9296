// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` and CI do not build
// package-benchmark. Run from this directory:
//   python3 generate-large-inputs.py .inputs        # once: the large inputs
//   swift package benchmark                         # wall time, allocations, peak memory
//   swift run -c release KioskSoak 7                # a simulated week on the wall
//   ./compare.sh                                    # threatdeck vs jq, json.load, stix2, PyMISP
import PackageDescription

let package = Package(
    name: "ThreatDeckBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ThreatDeck", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ThreatDeckBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ThreatModel", package: "ThreatDeck"),
                .product(name: "Readers", package: "ThreatDeck"),
                .product(name: "Identity", package: "ThreatDeck"),
                .product(name: "Analysis", package: "ThreatDeck"),
                .product(name: "Loading", package: "ThreatDeck"),
                .product(name: "TerminalUI", package: "ThreatDeck"),
                .product(name: "Dashboard", package: "ThreatDeck"),
            ],
            path: "Benchmarks/ThreatDeckBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "KioskSoak",
            dependencies: [
                .product(name: "LiveSources", package: "ThreatDeck"),
                .product(name: "Settings", package: "ThreatDeck"),
                .product(name: "ThreatModel", package: "ThreatDeck"),
                .product(name: "Readers", package: "ThreatDeck"),
                .product(name: "Identity", package: "ThreatDeck"),
                .product(name: "Analysis", package: "ThreatDeck"),
                .product(name: "Loading", package: "ThreatDeck"),
                .product(name: "TerminalUI", package: "ThreatDeck"),
                .product(name: "Dashboard", package: "ThreatDeck"),
            ],
            path: "Sources/KioskSoak"
        ),
        .executableTarget(
            name: "Profile",
            dependencies: [
                .product(name: "ThreatModel", package: "ThreatDeck"),
                .product(name: "Readers", package: "ThreatDeck"),
                .product(name: "Identity", package: "ThreatDeck"),
                .product(name: "Analysis", package: "ThreatDeck"),
                .product(name: "Loading", package: "ThreatDeck"),
                .product(name: "TerminalUI", package: "ThreatDeck"),
                .product(name: "Dashboard", package: "ThreatDeck"),
            ],
            path: "Sources/Profile"
        ),
    ]
)
