/// A byte-string search over raw buffers, for readers and filters that match ASCII-folded
/// text without building Strings (String.contains goes through the generic searcher).
extension Array where Element == UInt8 {
    public func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                let first = n[0]
                var i = 0
                let last = hay.count - n.count
                while i <= last {
                    if hay[i] == first {
                        var k = 1
                        while k < n.count && hay[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
