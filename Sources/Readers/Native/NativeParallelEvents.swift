import JSONCore
import ThreatModel

extension NativeIngest {
    /// From this many events a file's events are read on every core.
    static let parallelEvents = ParallelMap.manyEvents

    /// Reads events in ranges on every core, then joins them in file order exactly as one
    /// pass would: ids are checked for duplicates in order while joining (a duplicate's own
    /// problems, which one pass would not have reached, are dropped with it).
    ///
    /// Each range writes its events straight into the result's storage from the range's first
    /// slot on, and the join moves them down over the gaps: events held once, not once per
    /// range and again joined (a sixth of a million-event open's peak). A range that has read
    /// its events lets their text go (a mapped file's pages, read again from the file if a
    /// problem's line is wanted) and, when the caller allows, their part of the tape: so the
    /// file, its tape and the records are never all in memory at once. Its problems are
    /// located as it goes (`positions`: each event's place in the array whose path is `under`),
    /// and the join compares ids by their text, never by a node.
    mutating func readEventsInParallel(_ nodes: [Int], positions: [Int], under arrayPath: [JSONDocument.PathComponent],
                                               actorIDs: [String: Int], sourceIDs: [String: Int]) {
        struct Read: Sendable {
            var id: String?
            /// Where the id's value starts in the text, and the event's place in its array.
            var idOffset = 0, position = 0
            /// A hash of the id's text, made here on the workers for the join's duplicate check.
            var hash = 0
            /// This event's problems in its part's sink: [start, afterID) from its members
            /// and id, [afterID, end) from the rest.
            var start: Int, afterID: Int, end: Int
            /// Where its event was written, if it made one.
            var slot: Int?
        }
        let base = self
        // The parse has read the events' text once already: a mapped file's pages of it go now,
        // and each range faults its own back in (in 64 KiB runs from the page cache) and lets
        // them go again when it ends, so a few ranges' text is in memory at a time, not the file.
        document.bytes.evict(document.offset(nodes[0])..<document.bytes.count)
        var chunks: [(reads: [Read], sink: ProblemSink)] = []
        let joined = Array<Event>(unsafeUninitializedCapacity: nodes.count) { buffer, initialized in
            // Range r writes only slots of r, and the join reads them after every range has ended.
            nonisolated(unsafe) let storage = buffer
            chunks = ParallelMap.ranges(nodes.count, parts: 16) { range -> (reads: [Read], sink: ProblemSink) in
                var worker = base
                worker.sink = ProblemSink(document: base.document, file: base.file)
                var repeats = Repeats()
                var reads: [Read] = []
                reads.reserveCapacity(range.count)
                var next = range.lowerBound
                for k in range {
                    let node = nodes[k]
                    let start = worker.sink.count
                    let f = worker.fields(node, EventMember.self)
                    let idNode = f[.id]
                    let id = worker.readID(idNode, what: "event")
                    let afterID = worker.sink.count
                    let event = id.flatMap { worker.readEventBody(node, f: f, id: $0, actorIDs: actorIDs, sourceIDs: sourceIDs, repeats: &repeats) }
                    if worker.sink.count > start { worker.sink.locate(from: start, under: node, prefix: arrayPath + [.index(positions[k])]) }
                    var read = Read(id: id, idOffset: idNode.map(base.document.offset) ?? 0, position: positions[k],
                                    start: start, afterID: afterID, end: worker.sink.count)
                    if var text = id { read.hash = text.withUTF8 { KeyTable.hash($0) } }
                    if let event {
                        (storage.baseAddress! + next).initialize(to: event)
                        read.slot = next
                        next += 1
                    }
                    reads.append(read)
                }
                // This range's text and nodes are read: up to the next range's first event, which
                // another worker may be reading (only whole pages go).
                let document = base.document
                if !range.isEmpty {
                    let last = range.upperBound < nodes.count ? nodes[range.upperBound] : document.next(nodes[range.upperBound - 1])
                    document.bytes.evict(document.offset(nodes[range.lowerBound])..<(last < document.nodeCount ? document.offset(last) : document.bytes.count))
                    if base.evictsTape { document.evictNodes(nodes[range.lowerBound]..<last) }
                }
                return (reads, worker.sink)
            }
            // Ids seen so far, by hash, in an open-addressing table of the reads that first used
            // them (a String dictionary here took a sixth of the read: it hashed every id again,
            // serially), as chunk << 32 | read.
            var size = 16
            while size < nodes.count * 2 { size *= 2 }
            let mask = size - 1
            var hashes = [Int](repeating: 0, count: size), firsts = [Int](repeating: -1, count: size)
            let slots = buffer.baseAddress!
            var kept = 0
            for c in chunks.indices {
                let part = chunks[c].sink
                sink.addDropped(of: part)
                for (i, r) in chunks[c].reads.enumerated() {
                    sink.append(r.start..<r.afterID, of: part)
                    guard let id = r.id else { continue }
                    var slot = r.hash & mask
                    var first: Read?
                    while firsts[slot] >= 0 {
                        // Only an equal hash is worth fetching that read's id for.
                        if hashes[slot] == r.hash {
                            let f = chunks[firsts[slot] >> 32].reads[firsts[slot] & 0xFFFF_FFFF]
                            if f.id == id {
                                first = f
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                    if let first {
                        let (line, column) = document.lineColumn(ofByte: first.idOffset)
                        sink.error(atByte: r.idOffset, path: arrayPath + [.index(r.position), .key("id")],
                                   "duplicate event id \"\(id)\" (first used at \(line):\(column))")
                        if let s = r.slot { (slots + s).deinitialize(count: 1) }
                        continue
                    }
                    (hashes[slot], firsts[slot]) = (r.hash, c << 32 | i)
                    sink.append(r.afterID..<r.end, of: part)
                    // Down over the gaps, never up: kept <= s, so nothing unread is overwritten.
                    if let s = r.slot {
                        if s != kept { (slots + kept).moveInitialize(from: slots + s, count: 1) }
                        kept += 1
                    }
                }
            }
            initialized = kept
        }
        if result.events.isEmpty { result.events = joined } else { result.events.append(contentsOf: joined) }
    }
}
