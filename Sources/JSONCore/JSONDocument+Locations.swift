extension JSONDocument {
    /// The bytes a value occupies in the source text (for containers: opening to closing
    /// bracket), so a reader can keep an object's raw JSON without re-serialising it.
    public func byteRange(of i: Int) -> Range<Int> {
        let n = tape[i]
        switch n.kind {
        case .string: return (Int(n.start) - 1)..<(Int(n.start) + Int(n.end) + 1)
        case .number, .true, .false, .null: return Int(n.start)..<(Int(n.start) + Int(n.end))
        case .object, .array:
            // After the last descendant come only whitespace and the closing brackets of the
            // containers that end with it, innermost first; ours is the last of them.
            var closers = 1
            var inner = i
            var innerEnd = Int(n.end)
            var position: Int
            if innerEnd == i + 1 {
                position = Int(n.start) + 1
            } else {
                // Descend through last children that are containers ending at the same index.
                while true {
                    var k = inner + 1, last = inner + 1
                    while k < innerEnd { last = k; k = next(k) }
                    let lastNode = tape[last]
                    if (lastNode.kind == .object || lastNode.kind == .array) && Int(lastNode.end) == innerEnd {
                        closers += 1
                        inner = last
                        innerEnd = Int(lastNode.end)
                        if innerEnd == inner + 1 {
                            position = Int(lastNode.start) + 1
                            break
                        }
                        continue
                    }
                    position = byteRange(of: last).upperBound
                    break
                }
            }
            return bytes.withUnsafeBufferPointer { buffer in
                var p = position
                var remaining = closers
                while p < buffer.count {
                    let c = buffer[p]
                    p += 1
                    if c == 0x7D || c == 0x5D {
                        remaining -= 1
                        if remaining == 0 { break }
                    }
                }
                return Int(n.start)..<p
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset. Scans the text once;
    /// use `lineColumns(ofBytes:)` for many offsets.
    public func lineColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        lineColumns(ofBytes: [offset])[0]
    }

    public func lineColumns(ofBytes offsets: [Int]) -> [(line: Int, column: Int)] {
        let starts = JSONDocument.lineStarts(bytes)
        return offsets.map { JSONDocument.lineColumn($0, in: bytes, lineStarts: starts) }
    }

    public func lineColumn(of i: Int) -> (line: Int, column: Int) {
        lineColumn(ofByte: offset(i))
    }

    public enum PathComponent: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The path from the root (or from container `start`, which encloses it) to node `i`,
    /// found by descending through the containers that enclose it; used only when reporting,
    /// so no parent links are stored. Only the nodes of `start` are read.
    public func path(to target: Int, from start: Int = 0) -> [PathComponent] {
        var result: [PathComponent] = []
        var i = start
        while i != target, i < tape.count {
            let n = tape[i]
            guard n.kind == .object || n.kind == .array, target < Int(n.end) else { break }
            var k = i + 1
            var position = 0
            var descended = false
            while k < Int(n.end) {
                let valueIndex = n.kind == .object ? k + 1 : k
                let after = next(valueIndex)
                if target == k && n.kind == .object {
                    // The target is a key: report the member it names.
                    result.append(.key(string(k) ?? ""))
                    return result
                }
                if target >= valueIndex && target < after {
                    result.append(n.kind == .object ? .key(string(k) ?? "") : .index(position))
                    i = valueIndex
                    descended = true
                    break
                }
                k = after
                position += 1
            }
            if !descended { break }
        }
        return result
    }

    /// `$.objects[3].name` style rendering of a path.
    public static func render(_ path: [PathComponent]) -> String {
        var out = "$"
        for component in path {
            switch component {
            case .index(let n): out += "[\(n)]"
            case .key(let k):
                if !k.isEmpty,
                    k.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D })
                {
                    out += "." + k
                } else {
                    out += "[" + JSONDocument.quote(k) + "]"
                }
            }
        }
        return out
    }

    public func renderedPath(to i: Int) -> String { JSONDocument.render(path(to: i)) }

    static func lineStarts(_ bytes: SourceBytes) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for k in 0..<buffer.count where buffer[k] == 0x0A { starts.append(k + 1) }
        }
        return starts
    }

    static func lineColumn(_ offset: Int, in source: SourceBytes, lineStarts: [Int]) -> (line: Int, column: Int) {
        source.withUnsafeBufferPointer { bytes in lineColumn(offset, in: bytes, lineStarts: lineStarts) }
    }

    static func lineColumn(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var k = lineStarts[lo]
        while k < clamped {
            // Count scalars, not bytes: continuation bytes do not start a column.
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (lo + 1, column)
    }
}
