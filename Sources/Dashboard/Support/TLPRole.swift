import Reports
import ThreatModel
import TerminalUI

extension TLP {
    /// The colour role a marking is drawn in: red for red, amber for amber, the rest calm.
    var role: Role {
        switch self {
        case .red: return .error
        case .amber, .amberStrict: return .warning
        case .green: return .ok
        case .clear: return .muted
        }
    }
}
