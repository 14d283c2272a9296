/// Where a fact came from: the file, its format, the object inside it, and the source it cites.
public struct Provenance: Hashable, Sendable, CustomStringConvertible {
    /// The format a record came in. Open: a reader declares its own format beside itself
    /// (`static let` in an extension), so a new format touches no list of formats.
    public struct Format: Hashable, Sendable, CustomStringConvertible {
        /// The stable name written to exports ("native", "misp-event").
        public let rawValue: String
        /// "native", "STIX", "MISP galaxy", "MISP event", "TAXII", "MISP feed".
        public let label: String
        /// Whose names and statements win when records of several formats merge: lower first.
        public let precedence: Int

        public init(_ rawValue: String, label: String, precedence: Int) {
            self.rawValue = rawValue
            self.label = label
            self.precedence = precedence
        }

        public static func == (a: Format, b: Format) -> Bool { a.rawValue == b.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
        public var description: String { rawValue }

        public static let native = Format("native", label: "native", precedence: 0)
        public static let stix = Format("stix", label: "STIX", precedence: 1)
        public static let taxii = Format("taxii", label: "TAXII", precedence: 2)
        public static let misp = Format("misp", label: "MISP galaxy", precedence: 3)
        public static let mispEvent = Format("misp-event", label: "MISP event", precedence: 4)
        public static let mispFeed = Format("misp-feed", label: "MISP feed", precedence: 5)
    }

    /// Native id, STIX id or MISP cluster uuid.
    public var objectID: String?
    /// What every record citing one source from one file shares, held once: a file of a
    /// million events has a million provenances and a handful of these (168 bytes each inline
    /// was a sixth of the events' memory).
    private var shared: Shared

    public var file: String {
        get { shared.fields.file }
        set { update(\.file, newValue) }
    }
    public var format: Format {
        get { shared.fields.format }
        set { update(\.format, newValue) }
    }
    /// The cited source's title or id (a seed article, a report), when the format has one.
    public var source: String? {
        get { shared.fields.source }
        set { update(\.source, newValue) }
    }
    public var synthetic: Bool {
        get { shared.fields.synthetic }
        set { update(\.synthetic, newValue) }
    }
    /// The cited source with what one needs to cite it (title, publisher, date, URL).
    public var reference: Reference? {
        get { shared.fields.reference }
        set { update(\.reference, newValue) }
    }
    /// The record's TLP marking, if it has one.
    public var tlp: TLP? {
        get { shared.fields.tlp }
        set { update(\.tlp, newValue) }
    }

    /// Sets one shared field in a copy of this provenance's own: the others keep theirs.
    private mutating func update<T>(_ field: WritableKeyPath<Fields, T>, _ value: T) {
        var fields = shared.fields
        fields[keyPath: field] = value
        shared = Shared(fields)
    }

    public init(
        file: String, format: Format, objectID: String? = nil, source: String? = nil, synthetic: Bool = false,
        reference: Reference? = nil, tlp: TLP? = nil
    ) {
        self.objectID = objectID
        shared = Shared(Fields(file: file, format: format, source: source, synthetic: synthetic, reference: reference, tlp: tlp))
    }

    /// This provenance for another object of the same file and source, sharing its storage.
    public func with(objectID: String?) -> Provenance {
        var copy = self
        copy.objectID = objectID
        return copy
    }

    public static func == (a: Provenance, b: Provenance) -> Bool {
        a.objectID == b.objectID && (a.shared === b.shared || a.shared.fields == b.shared.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(objectID)
        hasher.combine(shared.fields)
    }

    /// The shared fields as a value.
    fileprivate struct Fields: Hashable {
        package var file: String
        package var format: Format
        package var source: String?
        package var synthetic: Bool
        package var reference: Reference?
        package var tlp: TLP?
    }

    /// Immutable once made (a setter makes a new one), so sharing it across threads is safe.
    private final class Shared: Sendable {
        package let fields: Fields

        package init(_ fields: Fields) { self.fields = fields }
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
