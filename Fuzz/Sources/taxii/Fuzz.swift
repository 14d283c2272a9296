import FuzzSupport
import JSONCore
import LiveSources
import ThreatModel

/// libFuzzer entry: a TAXII 2.1 response body, read as each kind of response; an envelope's
/// objects then go through STIX ingest and the aggregates as a collection would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let d = try? JSONDocument(parsing: FuzzSupport.bytes(data, size)) else { return 0 }
    let url = "https://taxii.example/api/"
    _ = try? TaxiiResponse.discovery(d, url: url)
    _ = try? TaxiiResponse.apiRoot(d, url: url)
    _ = TaxiiResponse.collections(d)
    guard let page = try? TaxiiResponse.page(d, url: url, headers: ["x-taxii-date-added-last": "2025-01-01T00:00:00Z"]) else { return 0 }
    var bundle = Array(#"{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":["#.utf8)
    for (k, o) in page.objects.enumerated() {
        if k > 0 { bundle.append(UInt8(ascii: ",")) }
        bundle += o.bytes
    }
    bundle += Array("]}".utf8)
    FuzzSupport.ingestAndAggregate(bundle, format: .taxii)
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_taxii_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
