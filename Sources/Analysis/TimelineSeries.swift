import JSONCore
import ThreatModel
/// Events per calendar bucket over a window, campaign spans, and the report period.
public struct TimelineSeries: Sendable {
    public enum Granularity: String, CaseIterable, Sendable, Comparable {
        case day, week, month, quarter, year

        public static func < (a: Granularity, b: Granularity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// The bucket containing `day`. Total: buckets at the ends of the calendar (9999-12-31
        /// and beyond) are computed, never refused.
        public func bucket(of day: Day) -> DayRange {
            let c = day.components
            switch self {
            case .day: return DayRange(day)
            case .week:
                // ISO weeks start on Monday; 1970-01-01 was a Thursday.
                let weekday = ((day.ordinal % 7) + 7 + 3) % 7
                let start = day.adding(days: -weekday)
                return DayRange(start: start, end: start.adding(days: 6))
            case .month:
                let start = Day(civilYear: c.year, month: c.month, day: 1)
                return DayRange(start: start, end: start.addingMonths(1).adding(days: -1))
            case .quarter:
                let start = Day(civilYear: c.year, month: (c.month - 1) / 3 * 3 + 1, day: 1)
                return DayRange(start: start, end: start.addingMonths(3).adding(days: -1))
            case .year:
                return DayRange(start: Day(civilYear: c.year, month: 1, day: 1), end: Day(civilYear: c.year, month: 12, day: 31))
            }
        }

        /// "2026-03-31", "W13 2026", "Mar 2026", "Q1 2026", "2026".
        public func label(_ bucket: DayRange) -> String {
            let c = bucket.start.components
            switch self {
            case .day: return bucket.start.description
            case .week: return "wk of " + bucket.start.description
            case .month: return bucket.start.monthLabel
            case .quarter: return "Q\((c.month - 1) / 3 + 1) \(c.year)"
            case .year: return String(c.year)
            }
        }

        public var finer: Granularity? { self == .day ? nil : Granularity.allCases[Granularity.allCases.firstIndex(of: self)! - 1] }
        public var coarser: Granularity? { self == .year ? nil : Granularity.allCases[Granularity.allCases.firstIndex(of: self)! + 1] }
    }

    public struct Bucket: Sendable, Equatable {
        public var range: DayRange
        public var count: Int
        /// Events per nexus in this bucket, for a stacked or tinted bar.
        public var byNexus: [Nexus: Int]
    }

    public struct Span: Sendable, Equatable {
        public var id: String
        public var name: String
        public var range: DayRange
        public var nexus: Nexus
        /// True for a named campaign; false for a long event drawn as a span.
        public var isCampaign: Bool
        /// From generated data (a synthetic feed), not intelligence.
        public var synthetic: Bool
    }

    public struct Marker: Sendable, Equatable {
        public var day: Day
        public var label: String
    }

    public var granularity: Granularity
    /// The period the buckets cover; nil when nothing is dated (no date is invented).
    public var window: DayRange?
    public var buckets: [Bucket]
    public var spans: [Span]
    public var reportPeriod: DayRange?
    public var markers: [Marker]
    /// Distinct events in view that overlap the window (a multi-day event counts in every
    /// bucket it overlaps, so buckets can add up to more than this).
    public var total: Int
    /// Events in view outside the window.
    public var outside: Int
    /// True when the granularity asked for would need more buckets than the limit, so a
    /// coarser one is used (see `granularity`).
    public var truncated: Bool

    /// At most this many buckets (0001–9999 per day would be 3.6 million).
    public static let bucketLimit = 20_000

    public var maxCount: Int { buckets.map(\.count).max() ?? 0 }

    /// The finest granularity whose bucket count fits in `slots` columns.
    public static func autoGranularity(for window: DayRange, slots: Int) -> Granularity {
        for g in Granularity.allCases where bucketCount(g, window) <= max(1, slots) { return g }
        return .year
    }

    static func bucketCount(_ g: Granularity, _ window: DayRange) -> Int {
        let a = window.start.components, b = window.end.components
        switch g {
        case .day: return window.length
        case .week: return (g.bucket(of: window.end).start.ordinal - g.bucket(of: window.start).start.ordinal) / 7 + 1
        case .month: return (b.year * 12 + b.month) - (a.year * 12 + a.month) + 1
        case .quarter: return (b.year * 4 + (b.month - 1) / 3) - (a.year * 4 + (a.month - 1) / 3) + 1
        case .year: return b.year - a.year + 1
        }
    }

    /// Buckets covering `window` (default: the filter's window, else the extent of what is in
    /// view). Membership is overlap: an event counts in every bucket its date or span touches,
    /// the same rule as window filters, so a bucket's count equals what drilling into it shows.
    /// Events longer than 45 days are also drawn as spans.
    public static func compute(
        _ dataset: Dataset, selection: Selection, granularity: Granularity? = nil, window: DayRange? = nil,
        slots: Int = 60
    ) -> TimelineSeries {
        let (extent, reportPeriod) = extentInView(dataset, selection: selection)
        guard let chosenWindow = window ?? selection.filter.window ?? extent ?? reportPeriod else {
            return TimelineSeries(
                granularity: granularity ?? .month, window: nil, buckets: [], spans: [], reportPeriod: reportPeriod,
                markers: [], total: 0, outside: selection.eventIndices.count, truncated: false)
        }
        // A granularity asked for that would need more than `bucketLimit` buckets (days over
        // ten thousand years) is coarsened until it fits: every bucket then holds what its
        // label says, and `truncated` says the request was not met.
        let requested = granularity ?? autoGranularity(for: chosenWindow, slots: slots)
        var g = requested
        while bucketCount(g, chosenWindow) > bucketLimit, let coarser = Granularity.allCases.first(where: { $0 > g }) { g = coarser }
        // Buckets from the window's first to last, empty ones included: gaps are information.
        var buckets: [Bucket] = []
        var cursor = g.bucket(of: chosenWindow.start)
        while cursor.start <= chosenWindow.end && buckets.count < bucketLimit {
            buckets.append(Bucket(range: cursor, count: 0, byNexus: [:]))
            cursor = g.bucket(of: cursor.end.adding(days: 1))
        }
        let truncated = g != requested || cursor.start <= chosenWindow.end
        let counted = count(dataset, selection: selection, into: &buckets, granularity: g, window: chosenWindow)
        var spans = counted.longEvents.map { i in
            Span(
                id: dataset.events[i].id, name: dataset.events[i].summary, range: dataset.events[i].span, nexus: dataset.events[i].nexus,
                isCampaign: false, synthetic: dataset.events[i].provenance.contains { $0.synthetic })
        }
        for i in selection.campaignIndices {
            let c = dataset.campaigns[i]
            if let s = c.span, s.overlaps(chosenWindow) {
                spans.append(
                    Span(
                        id: c.id, name: c.name, range: s, nexus: c.nexus, isCampaign: true,
                        synthetic: c.provenance.contains { $0.synthetic }))
            }
        }
        // Named campaigns first, then real long events, generated (synthetic) ones last.
        // Field by field: a tuple of the five copies both strings for every comparison.
        spans.sort { a, b in
            if a.isCampaign != b.isCampaign { return a.isCampaign }
            if a.synthetic != b.synthetic { return !a.synthetic }
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            if a.name != b.name { return a.name < b.name }
            return a.id < b.id
        }
        var markers: [Marker] = []
        for r in dataset.reports {
            if let p = r.published, chosenWindow.contains(p) { markers.append(Marker(day: p, label: "published: " + r.title)) }
        }
        return TimelineSeries(
            granularity: g, window: chosenWindow, buckets: buckets, spans: spans, reportPeriod: reportPeriod,
            markers: markers, total: counted.total, outside: counted.outside, truncated: truncated)
    }

    /// The days what is in view spans (events, campaigns, and the report period when there
    /// are either), and the report period.
    static func extentInView(_ dataset: Dataset, selection: Selection) -> (extent: DayRange?, reportPeriod: DayRange?) {
        let columns = dataset.index
        var extent: DayRange?
        if !selection.eventIndices.isEmpty {
            var first = Int.max, last = Int.min
            for i in selection.eventIndices {
                let s = Int(columns.eventStart[i])
                first = min(first, s)
                last = max(last, s + Int(columns.eventLength[i]) - 1)
            }
            extent = DayRange(start: Day(ordinal: first), end: Day(ordinal: last))
        }
        for i in selection.campaignIndices { if let s = dataset.campaigns[i].span { extent = extent.map { $0.union(s) } ?? s } }
        let reportPeriod = dataset.reportPeriod ?? dataset.findings.compactMap(\.period).reduce(nil as DayRange?) { acc, p in acc.map { $0.union(p) } ?? p }
        if let p = reportPeriod, extent != nil { extent = extent.map { $0.union(p) } }
        return (extent, reportPeriod)
    }

    /// Which bucket a day falls in, clamped to the buckets' range: looked up in a table of the
    /// covered days (a million events ask twice each), else computed or searched.
    struct BucketIndex: Sendable {
        let firstStart: Int, lastOrdinal: Int, bucketTotal: Int
        let granularity: Granularity
        let table: [Int32]
        let bucketStarts: [Int]

        init(_ buckets: [Bucket], granularity g: Granularity, events: Int) {
            let covered = DayRange(start: buckets[0].range.start, end: buckets[buckets.count - 1].range.end)
            firstStart = covered.start.ordinal
            lastOrdinal = covered.end.ordinal
            bucketTotal = buckets.count
            granularity = g
            // A range too long for a table is searched.
            let coveredDays = lastOrdinal - firstStart + 1
            var lookup: [Int32] = []
            if g != .day && g != .week && coveredDays <= max(4096, events * 2) {
                lookup = [Int32](repeating: 0, count: coveredDays)
                for (k, b) in buckets.enumerated() {
                    let lo = max(0, b.range.start.ordinal - firstStart), hi = min(coveredDays - 1, b.range.end.ordinal - firstStart)
                    if lo <= hi { for d in lo...hi { lookup[d] = Int32(k) } }
                }
            }
            table = lookup
            bucketStarts = buckets.map { $0.range.start.ordinal }
        }

        func callAsFunction(_ ordinal: Int) -> Int {
            if ordinal <= firstStart { return 0 }
            if ordinal >= lastOrdinal { return bucketTotal - 1 }
            if !table.isEmpty { return Int(table[ordinal - firstStart]) }
            switch granularity {
            case .day: return ordinal - firstStart
            case .week: return (ordinal - firstStart) / 7
            default:
                var lo = 0, hi = bucketTotal - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if bucketStarts[mid] <= ordinal { lo = mid } else { hi = mid - 1 }
                }
                return lo
            }
        }
    }

    /// Counts the selection's events into `buckets` (in all, and by nexus); returns the events
    /// in the window, those outside it, and the long ones (drawn as spans). Difference arrays:
    /// an event adds one to every bucket from its first to its last in constant time, so long
    /// spans over day buckets cost nothing extra. Ranges of the selection are counted on every
    /// core and their arrays added up.
    static func count(
        _ dataset: Dataset, selection: Selection, into buckets: inout [Bucket], granularity: Granularity,
        window: DayRange
    ) -> (total: Int, outside: Int, longEvents: [Int]) {
        let columns = dataset.index
        let index = BucketIndex(buckets, granularity: granularity, events: selection.eventIndices.count)
        let bucketTotal = buckets.count
        let nexusCount = columns.nexuses.count
        let windowStart = window.start.ordinal, windowEnd = window.end.ordinal
        let selected = selection.eventIndices
        let counted = ParallelMap.ranges(selected.count, parts: selected.count >= 100_000 ? 8 : 1) {
            range -> (diff: [Int], nexus: [Int], long: [Int], total: Int, outside: Int) in
            var diff = [Int](repeating: 0, count: bucketTotal + 1)
            var nexusDiff = [Int](repeating: 0, count: (bucketTotal + 1) * nexusCount)
            var long: [Int] = []
            var total = 0, outside = 0
            for i in selected[range] {
                let start = Int(columns.eventStart[i]), end = start + Int(columns.eventLength[i]) - 1
                guard start <= windowEnd && end >= windowStart else { outside += 1; continue }
                total += 1
                let a = index(max(start, windowStart)), b = index(min(end, windowEnd))
                diff[a] += 1
                diff[b + 1] -= 1
                let n = Int(columns.eventNexus[i])
                nexusDiff[a * nexusCount + n] += 1
                nexusDiff[(b + 1) * nexusCount + n] -= 1
                if columns.eventLength[i] > 45 { long.append(i) }
            }
            return (diff, nexusDiff, long, total, outside)
        }
        var diff = counted[0].diff, nexusDiff = counted[0].nexus
        var total = 0, outside = 0
        var long: [Int] = []
        for (k, part) in counted.enumerated() {
            if k > 0 {
                for x in part.diff.indices { diff[x] += part.diff[x] }
                for x in part.nexus.indices { nexusDiff[x] += part.nexus[x] }
            }
            total += part.total
            outside += part.outside
            long += part.long
        }
        var running = 0
        var runningNexus = [Int](repeating: 0, count: nexusCount)
        for k in buckets.indices {
            running += diff[k]
            buckets[k].count = running
            for n in 0..<nexusCount {
                runningNexus[n] += nexusDiff[k * nexusCount + n]
                if runningNexus[n] > 0 { buckets[k].byNexus[columns.nexuses[n]] = runningNexus[n] }
            }
        }
        return (total, outside, long)
    }
}
