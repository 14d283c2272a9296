/// Where a fact came from: the file, its format, the object inside it, and the source it cites.
public struct Provenance: Hashable, Sendable, CustomStringConvertible {
    public enum Format: String, Hashable, Sendable {
        case native, stix, misp, taxii
        case mispEvent = "misp-event", mispFeed = "misp-feed"

        /// "native", "STIX", "MISP galaxy", "MISP event", "TAXII", "MISP feed".
        public var label: String {
            switch self {
            case .native: return "native"
            case .stix: return "STIX"
            case .misp: return "MISP galaxy"
            case .mispEvent: return "MISP event"
            case .taxii: return "TAXII"
            case .mispFeed: return "MISP feed"
            }
        }
    }

    public var file: String
    public var format: Format
    /// Native id, STIX id or MISP cluster uuid.
    public var objectID: String?
    /// The cited source's title or id (a seed article, a report), when the format has one.
    public var source: String?
    public var synthetic: Bool
    /// The cited source with what one needs to cite it (title, publisher, date, URL).
    public var reference: Reference?
    /// The record's TLP marking, if it has one.
    public var tlp: TLP?

    public init(file: String, format: Format, objectID: String? = nil, source: String? = nil, synthetic: Bool = false,
                reference: Reference? = nil, tlp: TLP? = nil) {
        self.file = file
        self.format = format
        self.objectID = objectID
        self.source = source
        self.synthetic = synthetic
        self.reference = reference
        self.tlp = tlp
    }

    public var description: String {
        var parts = [format.rawValue + ":" + file]
        if let objectID { parts.append(objectID) }
        if let reference { parts.append("source " + reference.citation) } else if let source { parts.append("source " + source) }
        if let tlp { parts.append(tlp.label) }
        if synthetic { parts.append("SYNTHETIC") }
        return parts.joined(separator: " · ")
    }
}
