import JSONCore
import ThreatModel

extension NativeIngest {
    /// From this many events a file's events are read on every core.
    static let parallelEvents = ParallelMap.manyEvents

    /// What a range of events left for the join: one entry per event node.
    struct EventRead: Sendable {
        var id: String?
        /// Where the id's value starts in the text, and the event's place in its array.
        var idOffset = 0, position = 0
        /// A hash of the id's text, made here on the workers for the join's duplicate check.
        var hash = 0
        /// This event's problems in its range's sink: [start, afterID) from its members and
        /// id, [afterID, end) from the rest.
        var start: Int, afterID: Int, end: Int
        /// Where its event was written, if it made one.
        var slot: Int?
    }

    /// The nodes of the events to read and where they sit, shared by every range.
    struct EventNodes: Sendable {
        var nodes: [Int]
        var positions: [Int]
        var arrayPath: [JSONDocument.PathComponent]
        var actorIDs: [String: Int]
        var sourceIDs: [String: Int]
    }

    /// Reads events in ranges on every core, then joins them in file order exactly as one
    /// pass would: ids are checked for duplicates in order while joining (a duplicate's own
    /// problems, which one pass would not have reached, are dropped with it).
    ///
    /// Each range writes its events straight into the result's storage (`ParallelMap.collect`)
    /// and the join closes the gaps: events held once, not once per range and again joined (a
    /// sixth of a million-event open's peak). A range that has read its events lets their text
    /// go (a mapped file's pages, read again from the file if a problem's line is wanted) and,
    /// when the caller allows, their part of the tape: so the file, its tape and the records
    /// are never all in memory at once. Its problems are located as it goes, and the join
    /// compares ids by their text, never by a node.
    mutating func readEventsInParallel(_ events: EventNodes) {
        // The parse has read the events' text once already: a mapped file's pages of it go now,
        // and each range faults its own back in (in 64 KiB runs from the page cache) and lets
        // them go again when it ends, so a few ranges' text is in memory at a time, not the file.
        document.bytes.evict(document.offset(events.nodes[0])..<document.bytes.count)
        let base = self
        let joined = ParallelMap.collect(count: events.nodes.count, parts: 16) { range, slots in
            base.readEventRange(range, events, into: &slots)
        } join: { chunks, slots in
            self.joinEventRanges(chunks, events, &slots)
        }
        if result.events.isEmpty { result.events = joined } else { result.events.append(contentsOf: joined) }
    }

    /// One range's events, read on a worker with a sink of its own; then its text and nodes go.
    func readEventRange(_ range: Range<Int>, _ events: EventNodes, into slots: inout UnsafeSlotWriter<Event>) -> (reads: [EventRead], sink: ProblemSink) {
        var worker = self
        worker.sink = ProblemSink(document: document, file: file)
        var repeats = Repeats()
        var reads: [EventRead] = []
        reads.reserveCapacity(range.count)
        for k in range {
            let node = events.nodes[k]
            let start = worker.sink.count
            let f = worker.fields(node, EventMember.self)
            let idNode = f[.id]
            let id = worker.readID(idNode, what: "event")
            let afterID = worker.sink.count
            let event = id.flatMap { worker.readEventBody(node, f: f, id: $0, actorIDs: events.actorIDs, sourceIDs: events.sourceIDs, repeats: &repeats) }
            if worker.sink.count > start { worker.sink.locate(from: start, under: node, prefix: events.arrayPath + [.index(events.positions[k])]) }
            var read = EventRead(
                id: id, idOffset: idNode.map(document.offset) ?? 0, position: events.positions[k],
                start: start, afterID: afterID, end: worker.sink.count)
            if let id { read.hash = KeyTable.hash(id) }
            if let event { read.slot = slots.append(event) }
            reads.append(read)
        }
        // This range's text and nodes are read: up to the next range's first event, which
        // another worker may be reading (only whole pages go).
        if !range.isEmpty {
            let nodes = events.nodes
            let last = range.upperBound < nodes.count ? nodes[range.upperBound] : document.next(nodes[range.upperBound - 1])
            document.bytes.evict(document.offset(nodes[range.lowerBound])..<(last < document.nodeCount ? document.offset(last) : document.bytes.count))
            if evictsTape { document.evictNodes(nodes[range.lowerBound]..<last) }
        }
        return (reads, worker.sink)
    }

    /// The ranges in file order: each event's problems joined, a repeated id reported and its
    /// event dropped, the first of each id kept.
    mutating func joinEventRanges(
        _ chunks: [(reads: [EventRead], sink: ProblemSink)], _ events: EventNodes,
        _ slots: inout UnsafeSlotCompactor<Event>
    ) {
        // Ids seen so far, by hash, as positions among all reads (a String dictionary here
        // took a sixth of the read: it hashed every id again, serially).
        var seen = PositionTable(capacity: events.nodes.count)
        // A read's position among all reads, and back (no flattened copy of a million reads).
        var starts: [Int] = []
        var total = 0
        for chunk in chunks {
            starts.append(total)
            total += chunk.reads.count
        }
        func read(_ position: Int) -> EventRead {
            let c = starts.lastIndex { $0 <= position } ?? 0
            return chunks[c].reads[position - starts[c]]
        }
        var position = 0
        for chunk in chunks {
            sink.addDropped(of: chunk.sink)
            for r in chunk.reads {
                defer { position += 1 }
                sink.append(r.start..<r.afterID, of: chunk.sink)
                guard let id = r.id else { continue }
                if let first = seen.insert(position, hash: r.hash, equal: { read($0).id == id }) {
                    let (line, column) = document.lineColumn(ofByte: read(first).idOffset)
                    sink.error(
                        atByte: r.idOffset, path: events.arrayPath + [.index(r.position), .key("id")],
                        "duplicate event id \"\(id)\" (first used at \(line):\(column))")
                    if let s = r.slot { slots.drop(s) }
                    continue
                }
                sink.append(r.afterID..<r.end, of: chunk.sink)
                if let s = r.slot { slots.keep(s) }
            }
        }
    }
}
