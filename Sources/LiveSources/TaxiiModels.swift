/// A TAXII server's discovery document.
public struct TaxiiDiscovery: Sendable, Equatable {
    public var title: String
    public var defaultRoot: String?
    public var apiRoots: [String]
}

/// An API root's information.
public struct TaxiiAPIRoot: Sendable, Equatable {
    public var url: String
    public var title: String
    public var versions: [String]
}

/// A collection as `collections/` lists it.
public struct TaxiiCollection: Sendable, Equatable {
    public var id: String
    public var title: String
    public var canRead: Bool
    public var mediaTypes: [String]
}

/// One page of objects with the envelope's paging fields and the date headers.
public struct TaxiiPage: Sendable {
    /// Each object's raw JSON, as the server sent it.
    public var objects: [(id: String, modified: String, bytes: [UInt8])]
    public var more: Bool
    public var next: String?
    /// X-TAXII-Date-Added-Last: where the next incremental poll starts.
    public var dateAddedLast: String?
    /// X-TAXII-Date-Added-First: where a resumed pull starts again (just before it).
    public var dateAddedFirst: String?

    public init(objects: [(id: String, modified: String, bytes: [UInt8])], more: Bool, next: String?, dateAddedLast: String?, dateAddedFirst: String? = nil) {
        self.objects = objects
        self.more = more
        self.next = next
        self.dateAddedLast = dateAddedLast
        self.dateAddedFirst = dateAddedFirst
    }
}
