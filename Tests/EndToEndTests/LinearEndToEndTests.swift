import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Linear mode on the real binary in a terminal (tmux): every byte it writes during a session of
/// twenty keys is recorded and checked for what a screen reader would read as noise, and the
/// transcript is read aloud by espeak-ng to a byte count.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct LinearEndToEndTests {
    static let keys = ["j", "j", "Tab", "j", "3", "Left", "5", "j", "6", "C-d", "/", "m", "u", "r", "Enter", "Enter", "1", "C-l", "BSpace", "q"]

    /// Characters that draw: box drawing, blocks and shades (U+2500–U+259F), braille (U+2800–U+28FF).
    static func drawing(_ text: String) -> String {
        String(text.unicodeScalars.filter { (0x2500...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) }.map(Character.init))
    }

    /// Runs a session and returns every byte the app wrote, as text, and how many keys were answered.
    static func session() throws -> (stream: String, answered: Int) {
        // The app starts a moment after the recording does, so its first line is recorded too.
        let t = try Tmux(width: 100, height: 30, command: ["sh", "-c", "sleep 1; exec \"$0\" --linear", Tmux.binary])
        let raw = t.startRecording()
        func recorded() -> String { (try? String(contentsOfFile: raw, encoding: .utf8)) ?? "" }
        /// Waits until the recording holds more than `count` bytes and then stays still a moment.
        func grows(beyond count: Int, timeout: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline && recorded().utf8.count <= count { usleep(10_000) }
            var last = -1
            while Date() < deadline && recorded().utf8.count != last { last = recorded().utf8.count; usleep(60_000) }
            return recorded().utf8.count > count
        }
        #expect(grows(beyond: 0, timeout: 20) && recorded().contains("1 of 25."), "\(recorded())")
        var answered = 0
        for key in keys {
            let before = recorded().utf8.count
            t.send(key)
            if key == "q" { break }
            if grows(beyond: before) { answered += 1 }
        }
        #expect(t.exitStatus() == 0, "\(t.capture())")
        t.stopRecording()
        return (recorded(), answered)
    }

    @Test func twentyKeysWriteNoDrawingNoAlternateScreenNoColour() throws {
        let (stream, answered) = try Self.session()
        #expect(answered == Self.keys.count - 1)
        #expect(Self.drawing(stream).isEmpty, "drawing characters: \(Self.drawing(stream))")
        #expect(!stream.contains("\u{1B}[?1049h") && !stream.contains("\u{1B}[?47h"), "the alternate screen was entered")
        #expect(!stream.contains("\u{1B}"), "an escape sequence was written (colour, cursor movement)")
        for sentence in [
            "China: 206 events, 43.6 percent. 1 of 25.", "Russia: 87 events, 18.4 percent. 2 of 18.",
            "Pane 2 of 7, Sector targeting: actors by nexus.", "Pane 3 of 7, Timeline", "[1/1] /mur: Murky Panda",
            "Filter: actor:Murky Panda. In view: 1 of 24 actors", "Filter: none. In view: 24 of 24 actors, 473 of 473 events.",
        ] {
            #expect(stream.contains(sentence), "\(sentence)")
        }
    }

    /// Chosen by the config; a live reload and the wall's rotation are said as sentences.
    @Test func reloadsAndWallViewsAreSaid() throws {
        // The data in a directory of its own: the recording, beside it, would be a change to watch.
        let t = try Tmux(width: 100, height: 30, command: ["sh", "-c", "sleep 1; exec \"$0\" --watch \"$1\"", Tmux.binary, "data/data.json"])
        try FileManager.default.createDirectory(atPath: t.workDirectory + "/config/threatdeck", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: t.workDirectory + "/data", withIntermediateDirectories: true)
        try "linear: true\n".write(toFile: t.workDirectory + "/config/threatdeck/config.yaml", atomically: true, encoding: .utf8)
        let feed = TestPaths.sampleData + "/synthetic-activity-feed.json", report = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"
        try FileManager.default.copyItem(atPath: feed, toPath: t.workDirectory + "/data/data.json")
        let raw = t.startRecording()
        func recorded() -> String { (try? String(contentsOfFile: raw, encoding: .utf8)) ?? "" }
        func wait(for text: String) -> Bool {
            let deadline = Date().addingTimeInterval(15)
            while Date() < deadline { if recorded().contains(text) { return true }; usleep(50_000) }
            return false
        }
        #expect(wait(for: "ThreatDeck, linear mode"), "\(recorded())")
        // The report replaces the feed: fewer events, other actors.
        let tmp = t.workDirectory + "/data/data.json.tmp"
        try FileManager.default.copyItem(atPath: report, toPath: tmp)
        rename(tmp, t.workDirectory + "/data/data.json")
        #expect(wait(for: "reloaded 1 file."), "\(recorded())")
        #expect(wait(for: "no longer in the data."), "\(recorded())")
        #expect(wait(for: "Russia share 0.0 percent (minus 18.6 percentage points)."), "\(recorded())")
        t.send("q")
        #expect(t.exitStatus() == 0)

        let wall = try Tmux(
            width: 100, height: 30, command: ["sh", "-c", "sleep 1; exec \"$0\" --linear --kiosk --rotate 1 --views headline,actors", Tmux.binary])
        let wallRaw = wall.startRecording()
        let deadline = Date().addingTimeInterval(15)
        var text = ""
        while Date() < deadline && !text.contains("Wall view 2 of 2: actors.") {
            text = (try? String(contentsOfFile: wallRaw, encoding: .utf8)) ?? ""
            usleep(50_000)
        }
        #expect(text.contains("Wall view 2 of 2: actors."), "\(text)")
        #expect(Self.drawing(text).isEmpty)
    }

    /// espeak-ng reads the transcript (to a WAV on stdout, counted in bytes) no longer than the
    /// same text with every symbol taken out: nothing in it is read as glyph noise. The drawn
    /// screen of the same data, as a control, reads longer than its words.
    @Test(.enabled(if: Subprocess.run(["espeak-ng", "--version"]).status == 0 || Prerequisites.strict, "espeak-ng is not installed"))
    func espeakReadsTheTranscriptWithoutGlyphNoise() throws {
        let (stream, _) = try Self.session()
        let transcript = stream.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n").filter { !$0.hasPrefix("[exited") }.joined(
            separator: "\n")
        let linear = try Self.ratio(transcript, name: "linear")
        #expect(linear.spoken > 1_000_000, "espeak-ng said next to nothing: \(linear)")
        #expect(linear.ratio < 1.01, "the transcript reads \(linear.ratio)x as long as its words: \(linear)")
        let drawn = DashboardEndToEndTests.snapshot(["--size", "120x40"]).joined(separator: "\n")
        let control = try Self.ratio(drawn, name: "drawn")
        #expect(control.ratio > 1.03, "the measure cannot tell a drawn screen from words: \(control)")
        print(
            "espeak-ng bytes: linear \(linear.spoken) (words alone \(linear.words), \(linear.ratio)); drawn \(control.spoken) (\(control.words), \(control.ratio))"
        )
    }

    /// Bytes of `espeak-ng --stdout` for the text and for its words alone.
    static func ratio(_ text: String, name: String) throws -> (spoken: Int, words: Int, ratio: Double) {
        let allowed = CharacterSet.alphanumerics.union(.whitespacesAndNewlines).union(CharacterSet(charactersIn: ".,;:!?'\"()+/-"))
        let words = String(String.UnicodeScalarView(text.unicodeScalars.map { allowed.contains($0) ? $0 : " " }))
        let spoken = try speak(text, name + "-text"), plain = try speak(words, name + "-words")
        return (spoken, plain, Double(spoken) / Double(max(1, plain)))
    }

    static func speak(_ text: String, _ name: String) throws -> Int {
        let path = NSTemporaryDirectory() + "td-speak-\(getpid())-\(name).txt"
        defer { unlink(path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = Subprocess.run(["sh", "-c", "espeak-ng --stdout -f \"$0\" | wc -c", path])
        #expect(r.status == 0, "\(r.output)")
        return Int(r.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
