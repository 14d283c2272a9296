import ThreatModel
import Reports
import TerminalUI

/// Keys, the command they give, and how help, footer and README describe them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// How the keys are written for people: "↑ ↓  k j".
    public var label: String
    /// The command the keys give here; nil when the binding only says what the global
    /// movement keys mean in this pane (the keys then give their global commands).
    public var command: Command?
    /// The help overlay's and README's description.
    public var help: String
    /// The footer's short form ("↑↓ select"), if the key deserves a place there.
    public var hint: String?

    public init(_ keys: [Key], _ label: String, _ command: Command?, _ help: String, hint: String? = nil) {
        self.keys = keys
        self.label = label
        self.command = command
        self.help = help
        self.hint = hint
    }
}
