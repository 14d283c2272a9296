#if canImport(Glibc)
import Glibc
#endif
import Dashboard
import Dispatch
import Synchronization
import Testing
import TerminalUI
import TestSupport
import ThreatModel
import Loading

@Suite struct RuntimeTests {
    @Test func idleWritesNothingAndBlocksWithoutATimeout() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.timeout, .timeout, .timeout])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: ManualClock(Fixtures.now))
        runtime.run()
        #expect(device.frames.count == 1)
        #expect(device.timeouts.allSatisfy { $0 == nil })
        #expect(runtime.exitReason == .hangup)
    }

    @Test func aKeyPressDrawsOneFrame() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.key(.down), .timeout, .key(.character("q"))])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: ManualClock(Fixtures.now))
        runtime.run()
        #expect(device.frames.count == 2)
        #expect(device.fullRepaints == [true, false])
        #expect(runtime.exitReason == .key(.character("q")))
    }

    @Test func signalsEndTheLoop() {
        for input in [Input.exitSignal(15), .exitSignal(1), .hangup] {
            let device = ScriptedTerminal(width: 80, height: 24, inputs: [input, .key(.down)])
            let runtime = Runtime(state: Fixtures.state(80, 24), device: device, source: nil, clock: ManualClock(0))
            runtime.run()
            #expect(runtime.exitReason == input)
            #expect(device.inputs.count == 1)
        }
    }

    @Test func resizeRedrawsEveryCellAtTheNewSize() {
        let device = ScriptedTerminal(
            width: 120, height: 40, inputs: [.resize(width: 80, height: 24), .resize(width: 20, height: 5), .resize(width: 200, height: 60)])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: ManualClock(0))
        runtime.run()
        #expect(device.frames.map(\.width) == [120, 80, 20, 200])
        #expect(device.fullRepaints == [true, true, true, true])
    }

    /// `t` and Ctrl-L write every cell again: a new theme must not wait for cells to change.
    @Test func themeAndCtrlLRepaintEverything() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.key(.character("t")), .key(.down), .key(.control("l")), .key(.character("q"))])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: ManualClock(Fixtures.now))
        runtime.run()
        #expect(device.fullRepaints == [true, true, false, true])
        // Ctrl-L changes no cell, yet the frame is written again, whole.
        #expect(device.frames[2] == device.frames[3])
    }

    @Test func kioskWakesForTheClockAndRotation() throws {
        var o = Fixtures.options(120, 40)
        o.now = 1_790_000_000.5
        o.kiosk = KioskConfig(rotateSeconds: 20)
        let clock = ManualClock(o.now)
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [])
        let runtime = Runtime(state: AppState.start(o), device: device, source: nil, clock: clock)
        // Next wake-up: just after the next whole second, when the clock on screen changes.
        let wait = try #require(runtime.timeout(now: clock.current))
        #expect(abs(wait - 0.51) < 1e-6)
        // Without kiosk, status messages or a heartbeat, the loop sleeps until input.
        let plain = Runtime(state: Fixtures.state(120, 40), device: device, source: nil, clock: clock)
        #expect(plain.timeout(now: clock.current) == nil)
    }

    /// A source's news arrives through the inbox: the loop wakes, reloads once (on its worker),
    /// and draws when the new data is back.
    @Test func sourceNewsWakesTheLoopAndReloads() {
        final class Counting: DataSource, @unchecked Sendable {
            let loads = Mutex(0)
            func load(now: Double) -> Dataset { loads.withLock { $0 += 1 }; return Fixtures.sample }
            func hasChanges() -> Bool { false }
        }
        let source = Counting()
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.wake, .wake, .timeout], blockOnWake: true)
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: source, clock: ManualClock(Fixtures.now))
        runtime.inbox.post(.sourceChanged)
        runtime.run()
        #expect(source.loads.withLock { $0 } == 1)
        #expect(runtime.state.status?.text.hasPrefix("reloaded") == true)
        #expect(runtime.state.reloadingSince == nil)
        // A wake with nothing posted does nothing.
        let idle = ScriptedTerminal(width: 120, height: 40, inputs: [.wake])
        let quiet = Runtime(state: Fixtures.state(120, 40), device: idle, source: source, clock: ManualClock(Fixtures.now))
        quiet.run()
        #expect(source.loads.withLock { $0 } == 1)
    }

    /// A reload that takes long (a 30 MB file) runs on the worker: a key meanwhile is answered
    /// at once with the old data on screen, the footer says "reloading…", news during the
    /// reload asks for exactly one more, and the new data arrives in one message.
    @Test func keysAreAnsweredWhileAReloadRuns() throws {
        final class Gated: DataSource, @unchecked Sendable {
            let gate = DispatchSemaphore(value: 0)
            let loads = Mutex(0)
            func load(now: Double) -> Dataset {
                gate.wait()
                loads.withLock { $0 += 1 }
                var d = Fixtures.sample
                d.fingerprint = UInt64(loads.withLock { $0 }) + 100
                return d
            }
            func hasChanges() -> Bool { false }
        }
        let source = Gated()
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [])
        let runtime = Runtime(state: Fixtures.state(120, 40), device: device, source: source, clock: ManualClock(Fixtures.now))
        runtime.reloadsInBackground = true
        runtime.inbox.post(.sourceChanged)
        runtime.step(.wake)
        #expect(runtime.state.reloadingSince == Fixtures.now)
        // The loader is blocked; a key is answered now, on the old data.
        runtime.step(.key(.character("?")))
        #expect(runtime.state.overlay == .help(scroll: 0))
        runtime.render()
        #expect(device.frames.last?.text.contains("reloading…") == true)
        // More news while it runs: one more reload after this one, not one per message.
        runtime.inbox.post(.sourceChanged)
        runtime.inbox.post(.sourceChanged)
        runtime.step(.wake)
        source.gate.signal()
        try Self.waitForWake(runtime)
        runtime.step(.wake)
        #expect(source.loads.withLock { $0 } == 1)
        #expect(runtime.state.dataset.fingerprint == 101)
        #expect(runtime.state.reloadingSince == Fixtures.now, "the second reload has started")
        source.gate.signal()
        try Self.waitForWake(runtime)
        runtime.step(.wake)
        #expect(source.loads.withLock { $0 } == 2)
        #expect(runtime.state.dataset.fingerprint == 102)
        #expect(runtime.state.reloadingSince == nil)
        #expect(runtime.state.overlay == .help(scroll: 0), "the overlay stays open across the swap")
    }

    /// Blocks until the runtime's inbox has news (a reload finished on the worker).
    static func waitForWake(_ runtime: Runtime) throws {
        var p = pollfd(fd: runtime.inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&p, 1, 10_000) == 1, "no reload came back within 10 s")
    }

    /// The watchdog heartbeat: beats while the loop runs, and bounds how long it sleeps.
    @Test func heartbeatIsCalledFromTheLoop() throws {
        let clock = ManualClock(Fixtures.now)
        let device = ScriptedTerminal(width: 80, height: 24, inputs: [.timeout, .timeout])
        let runtime = Runtime(state: Fixtures.state(80, 24), device: device, source: nil, clock: clock)
        var beats = 0
        runtime.heartbeat = (10, { beats += 1 })
        let wait = try #require(runtime.timeout(now: clock.current + 1))
        #expect(wait <= 10)
        runtime.run()
        #expect(beats >= 1)
    }
}
