import Dashboard
import Testing
import TerminalUI
import ThreatModel

/// A terminal twin: scripted input, frames recorded.
final class ScriptedTerminal: TerminalDevice {
    var inputs: [Input]
    var frames: [Buffer] = []
    var timeouts: [Double?] = []
    let size: (width: Int, height: Int)

    init(width: Int, height: Int, inputs: [Input]) {
        size = (width, height)
        self.inputs = inputs
    }

    func draw(_ buffer: Buffer, palette: Palette) { frames.append(buffer) }

    func nextInput(timeout: Double?) -> Input {
        timeouts.append(timeout)
        return inputs.isEmpty ? .hangup : inputs.removeFirst()
    }
}

final class FixedClock: Clock, @unchecked Sendable {
    var time: Double
    init(_ t: Double) { time = t }
    func now() -> Double { time }
}

@Suite struct RuntimeTests {
    @Test func idleWritesNothingAndBlocksWithoutATimeout() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.timeout, .timeout, .timeout])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: FixedClock(1_790_000_000))
        runtime.run()
        #expect(device.frames.count == 1)
        #expect(device.timeouts.allSatisfy { $0 == nil })
        #expect(runtime.exitReason == .hangup)
    }

    @Test func aKeyPressDrawsOneFrame() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.key(.down), .timeout, .key(.character("q"))])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: FixedClock(1_790_000_000))
        runtime.run()
        #expect(device.frames.count == 2)
        #expect(runtime.exitReason == .key(.character("q")))
    }

    @Test func signalsEndTheLoop() {
        for input in [Input.exitSignal(15), .exitSignal(1), .hangup] {
            let device = ScriptedTerminal(width: 80, height: 24, inputs: [input, .key(.down)])
            let runtime = Runtime(state: Fixtures.state(80, 24), device: device, source: nil, clock: FixedClock(0))
            runtime.run()
            #expect(runtime.exitReason == input)
            #expect(device.inputs.count == 1)
        }
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.resize(width: 80, height: 24), .resize(width: 20, height: 5), .resize(width: 200, height: 60)])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: FixedClock(0))
        runtime.run()
        #expect(device.frames.map(\.width) == [120, 80, 20, 200])
    }

    @Test func kioskWakesForTheClockAndRotation() throws {
        var s = Fixtures.state(120, 40)
        let clock = FixedClock(1_790_000_000.5)
        Kiosk.start(&s, config: KioskConfig(rotateSeconds: 20), now: clock.time)
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [])
        let runtime = Runtime(state: s, device: device, source: nil, clock: clock)
        // Next wake-up: just after the next whole second, when the clock on screen changes.
        let wait = try #require(runtime.timeout(now: clock.time))
        #expect(abs(wait - 0.51) < 1e-6)
        // Without kiosk, status messages or watching, the loop sleeps until input.
        let plain = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: clock)
        #expect(plain.timeout(now: clock.time) == nil)
    }
}
