#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock text for the kiosk: local time (TZ honoured) and human durations.
public enum ClockFormat {
    /// "14:02:11" in the local time zone.
    public static func time(_ epoch: Double) -> String {
        guard epoch.isFinite, abs(epoch) < 1e15 else { return "--:--:--" }
        var t = time_t(epoch.rounded(.down))
        var parts = tm()
        localtime_r(&t, &parts)
        return pad(Int(parts.tm_hour)) + ":" + pad(Int(parts.tm_min)) + ":" + pad(Int(parts.tm_sec))
    }

    /// "2026-11-21 14:02" in the local time zone.
    public static func dateTime(_ epoch: Double) -> String {
        guard epoch.isFinite, abs(epoch) < 1e15 else { return "----" }
        var t = time_t(epoch.rounded(.down))
        var parts = tm()
        localtime_r(&t, &parts)
        return "\(Int(parts.tm_year) + 1900)-" + pad(Int(parts.tm_mon) + 1) + "-" + pad(Int(parts.tm_mday)) + " " + pad(Int(parts.tm_hour)) + ":"
            + pad(Int(parts.tm_min))
    }

    /// Minutes after local midnight (TZ honoured, so quiet hours follow daylight saving).
    public static func minuteOfDay(_ epoch: Double) -> Int {
        guard epoch.isFinite, abs(epoch) < 1e15 else { return 0 }
        var t = time_t(epoch.rounded(.down))
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }

    /// "45s", "12m", "3h 12m", "2d 4h".
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "∞" }
        let s = max(0, Int(min(seconds, 1e15)))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        return "\(s / 86400)d \(s % 86400 / 3600)h"
    }

    package static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
