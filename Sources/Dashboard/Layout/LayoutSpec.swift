/// A named arrangement of the panes: rows of panes side by side, or columns of panes
/// stacked. Panes written together in one place ("timeline|events") take turns there: the
/// focused one, else the one shown last, else the first with something to show. Heights
/// follow each pane's content; weights share what is left when content wants more.
public struct LayoutSpec: Equatable, Sendable {
    public enum Axis: String, Equatable, Sendable {
        /// Groups are rows, top to bottom; places in a row sit side by side.
        case rows
        /// Groups are columns, left to right; places in a column are stacked.
        case columns
    }

    /// One place in a group: a pane, or several taking turns; its share of the group.
    public struct Place: Equatable, Sendable {
        public var panes: [PaneID]
        public var weight: Int
        public init(_ panes: [PaneID], weight: Int = 1) {
            self.panes = panes
            self.weight = max(1, weight)
        }
    }

    /// A row or a column of places, and its share when rows or columns compete for room.
    public struct Group: Equatable, Sendable {
        public var places: [Place]
        public var weight: Int
        public init(_ places: [Place], weight: Int = 1) {
            self.places = places
            self.weight = max(1, weight)
        }
    }

    public var name: String
    public var axis: Axis
    public var groups: [Group]
    /// The size classes it is meant for; empty: any.
    public var sizes: Set<SizeClass>
    /// Where a user layout was written ("config.yaml:12:5"); nil for built-in ones.
    public var origin: String?

    public init(name: String, axis: Axis, groups: [Group], sizes: Set<SizeClass> = [], origin: String? = nil) {
        self.name = name
        self.axis = axis
        self.groups = groups
        self.sizes = sizes
        self.origin = origin
    }

    /// Every pane it names, in order.
    public var panes: [PaneID] { groups.flatMap { $0.places.flatMap(\.panes) } }

    public func fits(_ size: SizeClass) -> Bool { sizes.isEmpty || sizes.contains(size) }

    /// The layout written as config.yaml takes it back: `rows: [[actors:45, sectors|techniques:55], …]`.
    public var written: String {
        let groups = self.groups.map { g in
            "[" + g.places.map { p in p.panes.map(\.rawValue).joined(separator: "|") + (p.weight == 1 ? "" : ":\(p.weight)") }.joined(separator: ", ") + "]"
        }
        return axis.rawValue + ": [" + groups.joined(separator: ", ") + "]"
    }
}
