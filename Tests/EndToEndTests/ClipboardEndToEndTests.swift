import Foundation
import Testing
import TestSupport

/// `y` on the real binary in tmux: the selected indicator leaves as OSC 52 (base64 of the
/// value, as it is, not defanged), plain and inside tmux's passthrough, and tmux, told
/// `set-clipboard on`, puts it in its paste buffer, as it does for the terminal outside.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct ClipboardEndToEndTests {
    @Test func yCopiesTheSelectedIndicatorWithOSC52() throws {
        let events = TestPaths.sharedData + "/misp-events"
        // Inside tmux the app sees $TMUX; `env -i` in the harness drops it, so it is given.
        let t = try Tmux(width: 160, height: 45, command: [Tmux.binary, events], environment: ["TMUX": "/tmp/tmux-test,1,0"])
        t.tmux(["set-option", "-g", "set-clipboard", "on"])
        #expect(t.wait(for: "Actors by nexus"), "dashboard did not start: \(t.capture())")
        t.type("7")
        #expect(t.wait(for: "Indicators in view ("), "\(t.capture())")
        t.type(":type:domain")
        t.send("Enter")
        #expect(t.wait(for: "Indicators in view (4)"), "\(t.capture())")
        // Defanged on screen.
        #expect(t.capture().contains("ooiasjdnqjwbeasdasd[.]com"))
        let raw = t.startRecording()
        t.type("y")
        #expect(t.wait(for: "copied 23 bytes"), "\(t.capture())")
        t.stopRecording()
        let value = "ooiasjdnqjwbeasdasd.com"
        let encoded = Data(value.utf8).base64EncodedString()
        var written = ""
        _ = t.wait(timeout: 5) { _ in
            written = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: raw))) ?? Data(), as: UTF8.self)
            return written.contains("\u{1B}\\")
        }
        #expect(written.contains("\u{1B}]52;c;" + encoded + "\u{07}"), "plain OSC 52: \(written.debugDescription.prefix(400))")
        #expect(written.contains("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;" + encoded + "\u{07}\u{1B}\\"), "tmux passthrough")
        // tmux took the plain sequence into its paste buffer.
        var buffer = ""
        _ = t.wait(timeout: 5) { _ in
            buffer = t.tmux(["show-buffer"]).output
            return buffer == value
        }
        #expect(buffer == value)
    }
}
