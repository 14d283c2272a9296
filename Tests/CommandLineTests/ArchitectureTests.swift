import Foundation
import Testing
import TestSupport

/// The seams: dependencies point one way. Read from Package.swift and from the sources'
/// imports (not from `swift package dump-package`, which would wait on the lock `swift test`
/// holds).
@Suite struct ArchitectureTests {
    static let root = TestPaths.packageRoot

    /// target → direct dependencies named in Package.swift.
    static func targets() throws -> [String: [String]] {
        let text = try String(contentsOfFile: root + "/Package.swift", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?:[tT]arget|systemLibrary)\(\s*name:\s*"([^"]+)""#)
        let ns = text as NSString
        let matches = pattern.matches(in: text, range: NSRange(location: 0, length: ns.length))
        var out: [String: [String]] = [:]
        for (k, m) in matches.enumerated() {
            let name = ns.substring(with: m.range(at: 1))
            // Up to the next target: its dependency list, by quoted names.
            let end = k + 1 < matches.count ? matches[k + 1].range.location : ns.length
            let body = ns.substring(with: NSRange(location: m.range.upperBound, length: end - m.range.upperBound))
            var deps: [String] = []
            if let d = body.range(of: "dependencies: [") {
                let list = body[d.upperBound...].prefix { $0 != "]" }
                deps = list.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
            out[name] = deps
        }
        return out
    }

    static func closure(_ target: String, _ graph: [String: [String]]) -> Set<String> {
        var seen: Set<String> = []
        var queue = graph[target] ?? []
        while let t = queue.popLast() { if seen.insert(t).inserted { queue += graph[t] ?? [] } }
        return seen
    }

    @Test func sourcesAndBackendsSitBelowTheApp() throws {
        let graph = try Self.targets()
        #expect(graph["ThreatModel"] != nil && graph["Dashboard"] != nil, "Package.swift not read: \(graph.keys.sorted())")
        for lower in ["JSONCore", "ThreatModel", "TerminalUI", "CTextWidth", "CursesBackend", "LiveSources", "Reports", "CTerminalControl"] {
            #expect(!Self.closure(lower, graph).contains("Dashboard"), "\(lower) depends on Dashboard")
            #expect(!Self.closure(lower, graph).contains("Settings"), "\(lower) depends on Settings")
        }
        #expect(!Self.closure("ThreatModel", graph).contains("TerminalUI"), "the model knows no terminal")
        #expect(!Self.closure("Dashboard", graph).contains("CursesBackend"), "the app knows no backend")
        #expect(!Self.closure("Dashboard", graph).contains("LiveSources"), "the app knows no network")
        let withCurses = graph.filter { $0.value.contains("CNCurses") }.map(\.key)
        #expect(withCurses == ["CursesBackend"], "\(withCurses)")
    }

    @Test func onlyTheBackendImportsNcurses() throws {
        let sources = Self.root + "/Sources"
        let fm = FileManager.default
        var importers: Set<String> = []
        for target in try fm.contentsOfDirectory(atPath: sources) {
            guard let files = fm.enumerator(atPath: sources + "/" + target) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: sources + "/" + target + "/" + file, encoding: .utf8)
                if text.split(separator: "\n").contains(where: { $0.hasPrefix("import CNCurses") }) { importers.insert(target) }
            }
        }
        #expect(importers == ["CursesBackend"], "\(importers.sorted())")
    }
}
