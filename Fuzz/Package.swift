// swift-tools-version: 6.1
// libFuzzer targets, one per entry point that reads outside data. In their own package so
// `swift test` and CI never build them with sanitizers. Run one with ../scripts/fuzz.sh:
//   scripts/fuzz.sh json 600          # build with -sanitize=fuzzer,address and fuzz 10 min
// Each target's corpus is seeded from ../shared/data and the test fixtures (scripts/fuzz.sh);
// crashes found become fixtures in Tests/ThreatModelTests/Fixtures/fuzz, replayed by swift test.
import PackageDescription

let targets = ["json", "native", "stix", "mispgalaxy", "mispevent", "config", "theme", "taxii", "mispfeed", "sanitizer"]

let package = Package(
    name: "ThreatDeckFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "ThreatDeck", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "JSONCore", package: "ThreatDeck"), .product(name: "ThreatModel", package: "ThreatDeck"),
                                                     .product(name: "Readers", package: "ThreatDeck"), .product(name: "Identity", package: "ThreatDeck"),
                                                     .product(name: "Analysis", package: "ThreatDeck")]),
    ] + targets.map { name in
        var dependencies: [Target.Dependency] = ["FuzzSupport", .product(name: "JSONCore", package: "ThreatDeck"), .product(name: "ThreatModel", package: "ThreatDeck"),
                                              .product(name: "Readers", package: "ThreatDeck")]
        switch name {
        case "config", "theme": dependencies.append(.product(name: "Settings", package: "ThreatDeck"))
        case "taxii": dependencies.append(.product(name: "LiveSources", package: "ThreatDeck"))
        case "sanitizer": dependencies.append(.product(name: "TerminalUI", package: "ThreatDeck"))
        default: break
        }
        return .executableTarget(name: "fuzz-" + name, dependencies: dependencies, path: "Sources/" + name,
                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
