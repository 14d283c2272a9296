import JSONCore
import ThreatModel

/// The members one kind of native object may have, named exactly as in the file (the case
/// names are the JSON keys): a reader asks for a member by case, never by a string, so a
/// member the shape lacks is a compile error rather than a trap.
protocol NativeShape: CaseIterable, RawRepresentable where RawValue == Int, AllCases == [Self] {
    /// The members an object of this shape must have.
    static var required: [Self] { get }
    /// The members' names, looked up by their raw bytes while an object is read.
    static var table: KeyTable { get }
}

extension NativeShape {
    /// The most members a shape may have: `Fields` holds their nodes inline.
    static var capacity: Int { 16 }

    /// The key table of this shape, made once per shape (its `table`). A shape with more
    /// members than `Fields` holds is a programming error found when the shape is first
    /// built (every shape is built by the tests), never something a file can cause.
    static func makeTable() -> KeyTable {
        precondition(allCases.count <= capacity, "\(Self.self) has \(allCases.count) members; Fields holds \(capacity)")
        return KeyTable(allCases.map(\.key))
    }

    /// The member's name in the file.
    var key: String { String(describing: self) }
}

extension NativeIngest {
    /// The value node of each member of an object of one shape, found in one pass over its
    /// members; unknown, duplicate and missing members are reported on the way.
    struct Fields<Member: NativeShape> {
        /// Inline, not an array: one allocation less for each of a million events.
        var slots = InlineArray<16, Int>(repeating: -1)

        /// The value node of `member`, if the object has it. Inlined: left a call (the
        /// specialisations for each shape are merged into one function), it took 12 ms of
        /// CPU time per open of the native 100k file, a dozen calls for each event.
        @inline(__always)
        subscript(_ member: Member) -> Int? {
            let node = slots[member.rawValue]
            return node >= 0 ? node : nil
        }
    }

    enum SourceMember: Int, NativeShape {
        case id, title, publisher, published, file, url, note
        static let required: [Self] = [.id, .title]
        static let table = makeTable()
    }

    enum ReportMember: Int, NativeShape {
        case id, title, publisher, published, period, summary, synthetic, sources, tlp
        static let required: [Self] = [.id, .title]
        static let table = makeTable()
    }

    enum ActorMember: Int, NativeShape {
        case id, name, aliases, nexus, type, collective, motivations, sectors, regions, countries, techniques, description, sources, tlp
        static let required: [Self] = [.id, .name, .type, .sources]
        static let table = makeTable()
    }

    enum TechniqueMember: Int, NativeShape {
        case name, attack_id
        static let required: [Self] = [.name]
        static let table = makeTable()
    }

    enum FindingMember: Int, NativeShape {
        case id, statement, metric, value, qualifier, subject, population, sector, region, period, basis, sources
        static let required: [Self] = [.id, .statement, .metric, .value, .qualifier, .population, .sources]
        static let table = makeTable()
    }

    enum PopulationMember: Int, NativeShape {
        case text, sponsor, activity, counted_by
        static let required: [Self] = [.text]
        static let table = makeTable()
    }

    enum SubjectMember: Int, NativeShape {
        case nexus, actor
        static let required: [Self] = []
        static let table = makeTable()
    }

    /// An event's members (read a million times: by position, no name lookups).
    enum EventMember: Int, NativeShape {
        case id, date, start, end, kind, actors, nexus, sectors, regions, countries, summary, sources, techniques, tlp
        static let required: [Self] = [.id, .kind, .summary, .sources]
        static let table = makeTable()
    }

    enum PeriodMember: Int, NativeShape {
        case start, end
        static let required: [Self] = [.start, .end]
        static let table = makeTable()
    }

    /// Values that records repeat, each judged once per reader: the payload of an entry is
    /// 1 for valid and 0 for invalid, a day's ordinal for dates, a position for kinds.
    struct Repeats {
        var dates = StringInterner(), kinds = StringInterner(), actors = StringInterner(), sources = StringInterner()
        var sectors = StringInterner(), regions = StringInterner(), countries = StringInterner(), techniques = StringInterner()
        var provenances: [String: Provenance] = [:]
    }

    /// A cached judgement of "not valid": the reader reports it again the slow way.
    static let rejected = Int.min + 1

    static let eventKinds = Event.Kind.allCases

    mutating func fields<Member: NativeShape>(_ node: Int, _ shape: Member.Type) -> Fields<Member> {
        var f = Fields<Member>()
        guard document.kind(node) == .object else { return f }
        let table = Member.table
        // A plain loop, not `forEachMemberIndex`: its closure context cost a retain and a
        // release per member of each of a million events.
        var key = node + 1
        let end = document.next(node)
        while key < end {
            let value = key + 1
            if let k = document.keyIndex(key, in: table) {
                if f.slots[k] >= 0 { sink.error(key, "duplicate member \"\(Member.allCases[k].key)\"") } else { f.slots[k] = value }
            } else {
                sink.error(key, "unknown member \"\(document.string(key) ?? "")\"")
            }
            key = document.next(value)
        }
        for member in Member.required where f.slots[member.rawValue] < 0 { sink.error(node, "missing member \"\(member.key)\"") }
        return f
    }
}
