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

    /// The model layer in the order data flows (README, "Architecture"): each may use only
    /// those before it, and the readers, the merge and the counts know nothing of each other.
    static let modelLayer = ["JSONCore", "ThreatModel", "Readers", "Identity", "Analysis", "Loading"]

    @Test func theModelLayerDependsOneWay() throws {
        let graph = try Self.targets()
        let forbidden: [String: [String]] = [
            "JSONCore": ["ThreatModel", "Readers", "Identity", "Analysis", "Loading"],
            "ThreatModel": ["Readers", "Identity", "Analysis", "Loading"],
            "Readers": ["Identity", "Analysis", "Loading"],
            "Identity": ["Readers", "Analysis", "Loading"],
            "Analysis": ["Readers", "Identity", "Loading"],
        ]
        for (target, never) in forbidden {
            let reach = Self.closure(target, graph)
            #expect(graph[target] != nil, "no target \(target) in Package.swift")
            for other in never { #expect(!reach.contains(other), "\(target) depends on \(other)") }
            // The compiler holds the targets; the imports say the same in the sources.
            for file in try Self.swiftFiles(in: target) {
                let imports = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("import ") }
                for other in never { #expect(!imports.contains("import \(other)"), "\(file) imports \(other)") }
            }
        }
    }

    static func swiftFiles(in target: String) throws -> [String] {
        let directory = root + "/Sources/" + target
        guard let files = FileManager.default.enumerator(atPath: directory) else { return [] }
        return files.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { directory + "/" + $0 }.sorted()
    }

    @Test func noSourceFileIsOver400LinesButTables() throws {
        let sources = Self.root + "/Sources"
        for target in try FileManager.default.contentsOfDirectory(atPath: sources) {
            for file in try Self.swiftFiles(in: target) where !file.hasSuffix("Tables.swift") {
                let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(lines <= 400, "\(file): \(lines) lines")
            }
        }
    }

    @Test func noFunctionIsOver80Lines() throws {
        var measured = 0
        for target in try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Sources") {
            for file in try Self.swiftFiles(in: target) where !file.hasSuffix("Tables.swift") {
                for f in try SourceMetrics(path: file).functionLengths {
                    measured += 1
                    #expect(f.length <= 80, "\(file):\(f.line): \(f.declaration) is \(f.length) lines")
                }
            }
        }
        #expect(measured > 1500, "the scan found only \(measured) functions")
    }

    /// Raw pointers and buffers appear only in JSONCore (its Unsafe folder names what it
    /// lends: UnsafeView, UnsafeSlotWriter, UnsafeFileIO); the rest of the model layer uses those.
    @Test func unsafeCodeLivesInJSONCore() throws {
        let tokens = [
            "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer", "UnsafeMutableRawPointer", "UnsafeBufferPointer",
            "UnsafeMutableBufferPointer", "UnsafeRawBufferPointer", "withUnsafeBufferPointer", "withUnsafeMutableBufferPointer",
            "withUnsafeBytes", "withUnsafeMutableBytes", "withUnsafePointer", "withUnsafeMutablePointer", "unsafeUninitializedCapacity",
            "nonisolated(unsafe)", "unowned(unsafe)", ".withUTF8 ", ".withUTF8(", ".withUTF8{", "baseAddress", "withMemoryRebound",
            "assumingMemoryBound", "loadUnaligned", "unsafeAddress", "unsafeBitCast",
        ]
        for target in Self.modelLayer where target != "JSONCore" {
            for file in try Self.swiftFiles(in: target) {
                let metrics = try SourceMetrics(path: file)
                for token in tokens {
                    #expect(metrics.codeLines(containing: token).isEmpty, "\(file):\(metrics.codeLines(containing: token)): \(token)")
                }
            }
        }
    }

    /// What a file holds never traps: no precondition, fatalError or forced cast where data is
    /// read, merged or counted. The one precondition a reader has checks a shape made in code
    /// (a native shape's member count), when the shape is first built.
    @Test func noTrapReachableFromData() throws {
        let allowed = ["Readers/Native/NativeShapes.swift": 1]
        for target in ["Readers", "Identity", "Analysis", "Loading"] {
            for file in try Self.swiftFiles(in: target) {
                let metrics = try SourceMetrics(path: file)
                let traps = ["precondition(", "preconditionFailure(", "fatalError(", "try!", "as!"].flatMap { metrics.codeLines(containing: $0) }
                let key = file.components(separatedBy: "/Sources/").last ?? file
                #expect(traps.count <= (allowed[key] ?? 0), "\(file):\(traps)")
            }
        }
    }

    @Test func theLexerSkipsCommentsAndStrings() {
        let source = #"""
            let a = "{ not a brace } \(f({ 1 }))" // { comment
            /* { nested /* } */ } */ let b = #"raw { "# + """
            multi { line
            """
            """#
        let code = SourceMetrics.blankCommentsAndStrings(source)
        #expect(code.filter { $0 == "{" }.count == 1, "\(code)")
        #expect(code.filter { $0 == "}" }.count == 1, "\(code)")
        #expect(code.components(separatedBy: "\n").count == source.components(separatedBy: "\n").count)
    }
}
