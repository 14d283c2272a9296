/// Sectors, regions, countries and vendor naming conventions: one vocabulary that every
/// format is folded onto, parsed once from `VocabularyTables`.
public enum Vocabulary {
    public struct Entry: Sendable, Hashable {
        public let id: String
        public let name: String
        public let short: String
        public let parent: String?
    }

    public struct Country: Sendable, Hashable {
        public let code: String
        public let name: String
        public let short: String
        public let region: String
    }

    /// What a naming convention's last word says about an actor.
    public enum NamingMeaning: Sendable, Hashable {
        case nexus(String)
        case ecrime
        case hacktivist
        case privateSector
        case influence
    }

    public struct NamingConvention: Sendable, Hashable {
        public let word: String
        public let meaning: NamingMeaning
        public let family: String
    }

    // MARK: Tables

    public static let sectors: [Entry] = parseEntries(VocabularyTables.sectors)
    public static let regions: [Entry] = parseEntries(VocabularyTables.regions)
    public static let countries: [Country] = TableRows.parse(VocabularyTables.countries, trimmed: true).compactMap { f in
        guard f.count >= 4 else { return nil }
        return Country(code: f[0], name: f[1], short: f[2], region: f[3])
    }

    package static let sectorByID: [String: Entry] = Dictionary(sectors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    package static let regionByID: [String: Entry] = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    /// Positions in `countries` by code, found without SipHash (indexing asks for each
    /// country of every event).
    private static let countryPositions = StringPositions(countries.map(\.code))
    /// Each country's region, by position in `countries`.
    private static let countryRegions = countries.map(\.region)

    package static let sectorLookup: [String: String] = {
        var table: [String: String] = [:]
        for entry in sectors {
            table[fold(entry.id)] = entry.id
            table[fold(entry.name)] = entry.id
        }
        for f in TableRows.parse(VocabularyTables.sectorSynonyms, trimmed: true) {
            guard f.count == 2, sectorByID[f[1]] != nil else { continue }
            table[fold(f[0])] = f[1]
        }
        return table
    }()

    package static let regionLookup: [String: String] = {
        var table: [String: String] = [:]
        for entry in regions {
            table[fold(entry.id)] = entry.id
            table[fold(entry.name)] = entry.id
            table[fold(entry.short)] = entry.id
        }
        // Common spellings in reports that are not M49 names.
        let extra = [
            "southeast asia": "south-eastern-asia", "south east asia": "south-eastern-asia",
            "north america": "northern-america", "global": "world", "worldwide": "world",
            "middle east": "western-asia", "latin america": "latin-america-caribbean",
            "east asia": "eastern-asia", "south asia": "southern-asia", "central asia": "central-asia",
            "western europe": "western-europe", "eastern europe": "eastern-europe",
        ]
        for (k, v) in extra where regionByID[v] != nil { table[k] = v }
        return table
    }()

    package static let countryLookup: [String: String] = {
        var table: [String: String] = [:]
        for f in TableRows.parse(VocabularyTables.countries, trimmed: true) {
            guard f.count >= 4 else { continue }
            table[fold(f[0])] = f[0]
            table[fold(f[1])] = f[0]
            if f.count >= 5 {
                for alt in f[4].split(separator: ";") where !alt.isEmpty { table[fold(String(alt))] = f[0] }
            }
        }
        return table
    }()

    /// The table's alternative names per country code ("PRC" for CN), for completion lists.
    static let countryAlternatives: [String: [String]] = {
        var table: [String: [String]] = [:]
        for f in TableRows.parse(VocabularyTables.countries, trimmed: true) where f.count >= 5 {
            table[f[0]] = f[4].split(separator: ";").map(String.init).filter { !$0.isEmpty }
        }
        return table
    }()

    public static let namingConventions: [String: NamingConvention] = {
        var table: [String: NamingConvention] = [:]
        for f in TableRows.parse(VocabularyTables.namingConventions, trimmed: true) {
            guard f.count >= 3 else { continue }
            let meaning: NamingMeaning
            switch f[1].lowercased() {
            case "ecrime": meaning = .ecrime
            case "hacktivist": meaning = .hacktivist
            case "pso": meaning = .privateSector
            case "influence": meaning = .influence
            default: meaning = .nexus(f[1].uppercased())
            }
            table[f[0].lowercased()] = NamingConvention(word: f[0], meaning: meaning, family: f[2])
        }
        return table
    }()

    // MARK: Lookups

    public static func sector(_ id: String) -> Entry? { sectorByID[id] }
    public static func region(_ id: String) -> Entry? { regionByID[id] }
    public static func country(_ code: String) -> Country? { countryPosition(code).map { countries[$0] } }

    /// The region of the country with this code: indexing asks it for every event's countries,
    /// and a `Country` copied to read one field retained and released four strings.
    public static func region(ofCountry code: String) -> String? { countryPosition(code).map { countryRegions[$0] } }

    private static func countryPosition(_ code: String) -> Int? {
        // Codes are upper case in nearly every file: uppercased only when the code as written is not found.
        countryPositions.position(of: code) ?? countryPositions.position(of: code.uppercased())
    }

    /// The sector id a spelling folds to ("Finance", "Financial" → financial-services), or nil.
    public static func sectorID(matching raw: String) -> String? { sectorLookup[fold(raw)] }
    public static func regionID(matching raw: String) -> String? { regionLookup[fold(raw)] }
    /// ISO 3166-1 alpha-2 code for a code or a country name in any common spelling.
    public static func countryCode(matching raw: String) -> String? { countryLookup[fold(raw)] }
    /// Other names the vocabulary knows a country by ("PRC", "Mainland China" for CN).
    public static func alternativeNames(of code: String) -> [String] { countryAlternatives[code.uppercased()] ?? [] }

    /// The naming convention an actor name follows, judged by its last word ("Murky Panda").
    public static func namingConvention(of name: String) -> NamingConvention? {
        // ASCII names (most) on bytes: for ASCII, the letters are A-Z and a-z, and a
        // Character's isLetter costs a Unicode property lookup per letter of every name.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var words = 0, inWord = false, lastStart = 0, lastEnd = 0
            for (k, b) in name.utf8.enumerated() {
                if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
                    if !inWord { words += 1; lastStart = k; inWord = true }
                    lastEnd = k + 1
                } else {
                    inWord = false
                }
            }
            guard words >= 2 else { return nil }
            return namingConventions[String(decoding: name.utf8.dropFirst(lastStart).prefix(lastEnd - lastStart), as: UTF8.self).lowercased()]
        }
        let words = name.split(whereSeparator: { !$0.isLetter })
        guard words.count >= 2, let last = words.last else { return nil }
        return namingConventions[last.lowercased()]
    }

    /// A sector and all of its ancestors, nearest first.
    public static func sectorLineage(_ id: String) -> [String] { sectorLineages[id] ?? [id] }

    public static func regionLineage(_ id: String) -> [String] { regionLineages[id] ?? [id] }

    /// Sector id → its position in `sectors`, for integer-indexed counting (without SipHash:
    /// indexing asks it for every sector of every event).
    package static let sectorPositions = StringPositions(sectors.map(\.id))

    /// Positions of a sector and its ancestors, by sector position.
    public static let sectorLineagePositions: [[Int]] = sectors.map { s in sectorLineage(s.id).compactMap { sectorPositions.position(of: $0) } }

    /// Precomputed, because filters ask for lineages once per event.
    package static let sectorLineages: [String: [String]] = lineages(sectorByID)
    package static let regionLineages: [String: [String]] = lineages(regionByID)

    private static func lineages(_ table: [String: Entry]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for id in table.keys {
            var chain: [String] = []
            var current: String? = id
            while let c = current, !chain.contains(c) {
                chain.append(c)
                current = table[c]?.parent
            }
            out[id] = chain
        }
        return out
    }

    /// The top-level sector a sector belongs to (itself when it has no parent).
    public static func topSector(_ id: String) -> String { sectorLineage(id).last ?? id }

    public static func sectorName(_ id: String) -> String { sectorByID[id]?.name ?? id }
    public static func regionName(_ id: String) -> String { regionByID[id]?.name ?? id }

    /// Lower case, letters and digits only, single spaces: how spellings are compared.
    public static func fold(_ raw: String) -> String {
        if let ascii = foldASCII(raw, spaced: true) { return ascii }
        var out = ""
        var pendingSpace = false
        for scalar in raw.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace && !out.isEmpty { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// `fold` for ASCII text, on bytes (names are mostly ASCII and every merge folds them):
    /// for ASCII, lowercasing is A-Z → a-z and the alphabetic scalars are the letters.
    /// Without `spaced`, the words are run together (`Actor.nameKey`). Nil for other text.
    package static func foldASCII(_ raw: String, spaced: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        return foldASCII(raw, spaced: spaced, into: &out) ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Appends `raw` folded to `out` (a buffer a caller reuses); false, with `out` partly
    /// written, at the first byte that is not ASCII.
    package static func foldASCII(_ raw: String, spaced: Bool, into out: inout [UInt8]) -> Bool {
        var pendingSpace = false
        for var b in raw.utf8 {
            if b >= 0x80 { return false }
            if b >= 65 && b <= 90 { b += 32 }
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                if pendingSpace && spaced && !out.isEmpty { out.append(32) }
                pendingSpace = false
                out.append(b)
            } else {
                pendingSpace = true
            }
        }
        return true
    }

    private static func parseEntries(_ table: String) -> [Entry] {
        TableRows.parse(table, trimmed: true).compactMap { f in
            guard f.count >= 4 else { return nil }
            return Entry(id: f[0], name: f[1], short: f[2], parent: f[3].isEmpty ? nil : f[3])
        }
    }
}

extension String {
    package var trimmed: String {
        // Most text has nothing to trim: an ASCII byte at each end that is not white space
        // says so without walking Characters (a MISP galaxy trims 10,000 strings).
        let u = utf8
        guard let head = u.first, let tail = u.last else { return self }
        func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && !(b >= 0x09 && b <= 0x0D) }
        if plain(head) && plain(tail) { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
