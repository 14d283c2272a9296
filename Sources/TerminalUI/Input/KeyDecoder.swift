/// Keys from the bytes a terminal sends, without terminfo: what linear mode reads, where no
/// curses screen is opened. Escape sequences as xterm, VT220, PuTTY, screen, tmux and rxvt
/// send them; a lone Esc is told from the start of a sequence by the caller's short wait
/// (`flush` after it). Bytes of an unknown sequence are dropped whole, never typed.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// True while a sequence is half read (the caller waits briefly, then calls `flush`).
    public var isWaiting: Bool { !pending.isEmpty }

    /// The keys complete in what has arrived so far.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        while !pending.isEmpty {
            guard let (key, used) = Self.decode(pending) else { break }
            pending.removeFirst(used)
            if let key { keys.append(key) }
        }
        return keys
    }

    /// Nothing more came: a lone Esc is the Escape key; a half sequence is dropped.
    public mutating func flush() -> [Key] {
        defer { pending = [] }
        return pending.first == 0x1B ? [.escape] : []
    }

    /// The key at the start of `bytes` and how many bytes it took; nil when more are needed.
    /// A nil key with a count skips bytes that mean nothing.
    static func decode(_ bytes: [UInt8]) -> (Key?, Int)? {
        let b = bytes[0]
        switch b {
        case 0x1B: return escape(bytes)
        case 9: return (.tab, 1)
        case 10, 13: return (.enter, 1)
        case 127, 8: return (.backspace, 1)
        case 1...26: return (.control(Character(Unicode.Scalar(b + 96))), 1)
        case 0..<32: return (nil, 1)
        default: return utf8(bytes)
        }
    }

    static func escape(_ bytes: [UInt8]) -> (Key?, Int)? {
        guard bytes.count >= 2 else { return nil }
        switch bytes[1] {
        case UInt8(ascii: "["): return csi(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return nil }
            let keys: [UInt8: Key] = [
                0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
                0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4),
            ]
            return (keys[bytes[2]], 3)
        case 0x1B: return (.escape, 1)
        default:
            // Esc then a key (Alt-key in most terminals): the Escape key, the key read next.
            return (.escape, 1)
        }
    }

    /// `ESC [` parameters and a final byte: arrows, Home/End, PgUp/PgDn, Delete, F-keys, Shift-Tab.
    static func csi(_ bytes: [UInt8]) -> (Key?, Int)? {
        var k = 2
        while k < bytes.count, !(0x40...0x7E).contains(bytes[k]) { k += 1 }
        guard k < bytes.count else { return bytes.count > 32 ? (nil, bytes.count) : nil }
        let params = String(decoding: bytes[2..<k], as: UTF8.self)
        let used = k + 1
        switch bytes[k] {
        case 0x41: return (.up, used)
        case 0x42: return (.down, used)
        case 0x43: return (.right, used)
        case 0x44: return (.left, used)
        case 0x48: return (.home, used)
        case 0x46: return (.end, used)
        case 0x5A: return (.backTab, used)
        case 0x7E:
            let tilde: [String: Key] = [
                "1": .home, "7": .home, "4": .end, "8": .end, "3": .delete, "5": .pageUp, "6": .pageDown,
                "11": .function(1), "12": .function(2), "13": .function(3), "14": .function(4), "15": .function(5),
                "17": .function(6), "18": .function(7), "19": .function(8), "20": .function(9), "21": .function(10),
                "23": .function(11), "24": .function(12),
            ]
            return (tilde[params.split(separator: ";").first.map(String.init) ?? ""], used)
        default: return (nil, used)
        }
    }

    /// One UTF-8 character (a malformed byte is skipped).
    static func utf8(_ bytes: [UInt8]) -> (Key?, Int)? {
        let b = bytes[0]
        let length: Int
        switch b {
        case 0..<0x80: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        // A lead byte followed by something other than a continuation byte is dropped alone.
        if bytes.dropFirst().prefix(length - 1).contains(where: { $0 & 0xC0 != 0x80 }) { return (nil, 1) }
        guard bytes.count >= length else { return nil }
        var decoder = UTF8()
        var iterator = bytes[0..<length].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (nil, 1) }
        return (.character(Character(scalar)), length)
    }
}
