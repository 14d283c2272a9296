/// One MISP attribute (an event's own, or one inside an object): an indicator of compromise
/// with its type, category and value, the event that holds it and where it is in its file.
///
/// Kept small and apart from the events (the dataset holds them in an array of their own), so
/// data without MISP events pays nothing for them. The value is kept up to `valueLimit`
/// bytes, for display and exports; `length` says how long it was in the file.
public struct Indicator: Hashable, Sendable {
    /// The most bytes of a value kept (a URL rarely needs 300; a megabyte `text` needs none).
    public static let valueLimit = 2048
    /// The most tags kept per attribute, and bytes per tag.
    public static let tagLimit = 32
    public static let tagBytes = 256

    /// The MISP attribute type ("ip-dst", "sha256", "domain|ip"), as written.
    public var type: String
    /// The MISP category ("Network activity", "Payload delivery").
    public var category: String
    /// The value as written (raw, not defanged), cut to `valueLimit` bytes on a scalar boundary.
    public var value: String
    /// The value's length in the file, in bytes of UTF-8: more than `value` holds when it was cut.
    public var length: Int
    /// MISP's `to_ids`: meant for detection (a block list), not only context.
    public var toIDS: Bool
    /// The id of the event that holds it (`misp-event--UUID`).
    public var eventID: String
    /// The organisation that created the event (`Orgc.name`).
    public var org: String?
    /// The object it sits in (`file`, `domain-ip`), nil for an event's own attribute.
    public var objectName: String?
    /// MISP's `first_seen` and `last_seen`, as written (ISO 8601), when given.
    public var firstSeen: String?
    public var lastSeen: String?
    /// The attribute's own tags.
    public var tags: [String]
    /// File, line:col and JSON path of the attribute.
    public var location: Problem.Location

    public init(
        type: String, category: String, value: String, length: Int? = nil, toIDS: Bool = false, eventID: String, org: String? = nil,
        objectName: String? = nil, firstSeen: String? = nil, lastSeen: String? = nil, tags: [String] = [],
        location: Problem.Location = Problem.Location(file: "", line: 0, column: 0)
    ) {
        self.type = type
        self.category = category
        self.value = value
        self.length = length ?? value.utf8.count
        self.toIDS = toIDS
        self.eventID = eventID
        self.org = org
        self.objectName = objectName
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.tags = tags
        self.location = location
    }

    /// True when the file's value was longer than the part kept.
    public var isCut: Bool { length > value.utf8.count }

    /// The parts of a composite value ("evil.example|203.0.113.5" for `domain|ip`), else the value.
    public var parts: [String] {
        guard type.contains("|"), value.contains("|") else { return [value] }
        return value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
}
