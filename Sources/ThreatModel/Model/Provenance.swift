/// Where a fact came from: the file, its format, the object inside it, and the source it cites.
public struct Provenance: Hashable, Sendable, CustomStringConvertible {
    public enum Format: String, Hashable, Sendable {
        case native, stix, misp, taxii
    }

    public var file: String
    public var format: Format
    /// Native id, STIX id or MISP cluster uuid.
    public var objectID: String?
    /// The cited source's title or id (a seed article, a report), when the format has one.
    public var source: String?
    public var synthetic: Bool

    public init(file: String, format: Format, objectID: String? = nil, source: String? = nil, synthetic: Bool = false) {
        self.file = file
        self.format = format
        self.objectID = objectID
        self.source = source
        self.synthetic = synthetic
    }

    public var description: String {
        var parts = [format.rawValue + ":" + file]
        if let objectID { parts.append(objectID) }
        if let source { parts.append("source " + source) }
        if synthetic { parts.append("SYNTHETIC") }
        return parts.joined(separator: " · ")
    }
}
