/// The OSC 52 sequence that puts text on the clipboard of the terminal the user sits at,
/// through SSH (it is only bytes on the tty) and tmux.
///
/// The text goes as base64, so nothing in it can act as a control sequence. Under tmux
/// (`$TMUX` set) the sequence is sent twice: plain, which tmux takes into its paste buffer and
/// passes on when `set-clipboard on`, and wrapped in tmux's DCS passthrough (`ESC P tmux; …
/// ESC \`, every ESC inside doubled), which reaches the outer terminal when
/// `allow-passthrough on`. Text over `limit` bytes is not sent: terminals cap what they take
/// (xterm 100,000 bytes of base64 by default), and a cut indicator is a wrong one.
public enum ClipboardSequence {
    /// The most bytes of text sent.
    public static let limit = 74_000

    /// The bytes to write, or nil when the text is empty or over `limit`.
    public static func make(_ text: String, tmux: Bool) -> String? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= limit else { return nil }
        let plain = "\u{1B}]52;c;" + base64(bytes) + "\u{07}"
        guard tmux else { return plain }
        return plain + "\u{1B}Ptmux;" + plain.replacingEscapes() + "\u{1B}\\"
    }

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// RFC 4648 base64, padded.
    public static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var k = 0
        while k < bytes.count {
            let b0 = Int(bytes[k]), b1 = k + 1 < bytes.count ? Int(bytes[k + 1]) : 0, b2 = k + 2 < bytes.count ? Int(bytes[k + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(k + 1 < bytes.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : 61)
            out.append(k + 2 < bytes.count ? alphabet[b2 & 63] : 61)
            k += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Every ESC doubled, as tmux's passthrough wants the sequence inside it.
    fileprivate func replacingEscapes() -> String {
        var out = ""
        for s in unicodeScalars {
            if s == "\u{1B}" { out += "\u{1B}" }
            out.unicodeScalars.append(s)
        }
        return out
    }
}
