import Foundation
import JSONCore
import LiveSources
import Settings
import TerminalUI
import Testing
import TestSupport
import ThreatModel
import Analysis
import Identity
import Readers

/// The libFuzzer corpora (Fuzz/, scripts/fuzz.sh), minimised and committed under
/// Tests/FuzzCorpus/TARGET, replayed through the same entry points as the fuzz targets, in
/// process and without sanitisers: every input that ever found new coverage, and every crash
/// the fuzzers found (kept as crash-* files once fixed), must run without a trap.
@Suite struct FuzzCorpusTests {
    static let root = TestPaths.tests + "/FuzzCorpus"
    static let targets = ["json", "native", "stix", "mispgalaxy", "mispevent", "config", "theme", "taxii", "mispfeed", "sanitizer"]

    static func inputs(_ target: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + target)) ?? []).filter { !$0.hasPrefix(".") }.sorted().map { root + "/" + target + "/" + $0 }
    }

    static func aggregate(_ bytes: [UInt8], format: Provenance.Format? = nil) {
        let d = DatasetBuilder.build([Ingest.read(bytes: bytes, file: "corpus.json", format: format)])
        var filters = [Filter()]
        if let a = d.actors.first { filters.append(Filter([.actor(a.id)])) }
        if let e = d.events.first { filters.append(Filter([.window(e.span)])) }
        if let t = d.techniqueCatalog.first { filters.append(Filter([.technique(t.id)])) }
        for f in filters {
            let s = f.apply(to: d)
            _ = ActorBreakdown.compute(d, selection: s)
            _ = SectorMatrix.compute(d, selection: s, maxColumns: 10)
            _ = TimelineSeries.compute(d, selection: s, slots: 48)
            _ = TechniqueUsage.compute(d, selection: s)
        }
    }

    /// The fuzz target's body, for one input.
    static func replay(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "json":
            if let d = try? JSONDocument(parsing: bytes, maxDepth: 64) {
                for i in 0..<min(d.nodeCount, 20_000) {
                    if d.kind(i) == .string { _ = d.string(i); _ = d.stringPrefix(i, maxScalars: 7) }
                    if d.kind(i) == .number { _ = d.double(i) }
                    _ = d.lineColumn(of: i)
                }
                _ = d.duplicateKeys(limit: 50)
            }
        case "native", "stix", "mispgalaxy", "mispevent": aggregate(bytes)
        case "mispfeed":
            _ = try? MispFeedManifest(bytes: bytes)
            aggregate(bytes, format: .mispFeed)
        case "taxii":
            guard let d = try? JSONDocument(parsing: bytes) else { return }
            _ = try? TaxiiResponse.discovery(d, url: "https://x.example/")
            _ = try? TaxiiResponse.apiRoot(d, url: "https://x.example/")
            _ = TaxiiResponse.collections(d)
            if let page = try? TaxiiResponse.page(d, url: "https://x.example/", headers: [:]) {
                var bundle = Array(#"{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":["#.utf8)
                for (k, o) in page.objects.enumerated() { if k > 0 { bundle.append(44) }; bundle += o.bytes }
                bundle += Array("]}".utf8)
                aggregate(bundle, format: .taxii)
            }
        case "config":
            if let c = try? Config.parse(String(decoding: bytes, as: UTF8.self), file: "config.yaml") {
                _ = c.kiosk(rotate: nil, views: nil, staleAfter: nil, maxTLP: nil)
            }
        case "theme":
            _ = ThemeLoader.load(bundled: [], user: [(path: "t.yaml", text: String(decoding: bytes, as: UTF8.self))])
        default:
            let text = String(decoding: bytes, as: UTF8.self)
            for ascii in [false, true] {
                let clean = TerminalText.sanitize(text, ascii: ascii, limit: 300)
                #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
            }
            var buffer = Buffer(width: 40, height: 2)
            _ = buffer.put(text, x: 0, y: 0, maxWidth: 40)
        }
    }

    @Test(arguments: targets)
    func theCorpusReplaysWithoutATrap(target: String) throws {
        let files = Self.inputs(target)
        #expect(!files.isEmpty, "no committed corpus for \(target): scripts/fuzz.sh \(target) SECONDS, then scripts/fuzz.sh export")
        for f in files { Self.replay(target, Array(try Data(contentsOf: URL(fileURLWithPath: f)))) }
    }
}
