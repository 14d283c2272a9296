/// The layouts ThreatDeck chooses by itself, one per data shape and size class. Compact
/// terminals show one pane under tabs and need none.
public enum BuiltinLayouts {
    static let actors = PaneID("actors"), sectors = PaneID("sectors"), timeline = PaneID("timeline")
    static let detail = PaneID("detail"), techniques = PaneID("techniques"), events = PaneID("events")
    static let indicators = PaneID("indicators")

    /// Every built-in layout, named "SHAPE-SIZE" ("actors-wide").
    public static let all: [LayoutSpec] = DataShape.allCases.flatMap { shape in
        [SizeClass.short, .medium, .wide].map { layout(shape, $0) }
    }

    public static func named(_ name: String) -> LayoutSpec? { all.first { $0.name == name } }

    public static func layout(_ shape: DataShape, _ size: SizeClass) -> LayoutSpec {
        let name = shape.rawValue + "-" + (size == .compact ? SizeClass.short : size).rawValue
        func p(_ panes: PaneID..., weight: Int = 1) -> LayoutSpec.Place { LayoutSpec.Place(panes, weight: weight) }
        func g(_ places: LayoutSpec.Place..., weight: Int = 1) -> LayoutSpec.Group { LayoutSpec.Group(places, weight: weight) }
        switch (shape, size) {
        case (.actors, .compact), (.actors, .short):
            return LayoutSpec(
                name: name, axis: .rows,
                groups: [g(p(actors, weight: 45), p(sectors, techniques, weight: 55), weight: 56), g(p(timeline, events, indicators, detail), weight: 44)],
                sizes: [.short])
        case (.actors, .medium):
            return LayoutSpec(
                name: name, axis: .rows,
                groups: [
                    g(p(actors, weight: 45), p(sectors, techniques, weight: 55), weight: 44), g(p(timeline, events, indicators), weight: 30),
                    g(p(detail), weight: 26),
                ], sizes: [.medium])
        case (.actors, .wide):
            return LayoutSpec(
                name: name, axis: .rows,
                groups: [
                    g(p(actors, weight: 34), p(sectors, weight: 36), p(techniques, weight: 30), weight: 45),
                    g(p(timeline, weight: 62), p(detail, weight: 38), weight: 30),
                    g(p(events, weight: 55), p(indicators, weight: 45), weight: 25),
                ], sizes: [.wide])
        case (.events, .compact), (.events, .short):
            // As for actors, with the events where sectors are when no sector is stated.
            return LayoutSpec(
                name: name, axis: .rows,
                groups: [g(p(actors, weight: 45), p(sectors, events, techniques, weight: 55), weight: 56), g(p(timeline, indicators, detail), weight: 44)],
                sizes: [.short])
        case (.events, .medium):
            return LayoutSpec(
                name: name, axis: .rows,
                groups: [
                    g(p(actors, weight: 45), p(sectors, events, techniques, weight: 55), weight: 44), g(p(timeline, indicators), weight: 30),
                    g(p(detail), weight: 26),
                ],
                sizes: [.medium])
        case (.events, .wide):
            return LayoutSpec(
                name: name, axis: .columns,
                groups: [
                    g(p(events, weight: 3), p(indicators, weight: 3), p(timeline, weight: 2), weight: 50), g(p(actors), p(sectors), weight: 27),
                    g(p(detail), p(techniques), weight: 23),
                ], sizes: [.wide])
        case (.profile, .compact), (.profile, .short):
            return LayoutSpec(
                name: name, axis: .rows,
                groups: [g(p(detail, weight: 58), p(techniques, sectors, weight: 42), weight: 60), g(p(timeline, events, indicators, actors), weight: 40)],
                sizes: [.short])
        case (.profile, .medium):
            return LayoutSpec(
                name: name, axis: .columns,
                groups: [g(p(detail), weight: 55), g(p(techniques, weight: 60), p(sectors, timeline, events, indicators, actors, weight: 40), weight: 45)],
                sizes: [.medium]
            )
        case (.profile, .wide):
            return LayoutSpec(
                name: name, axis: .columns,
                groups: [g(p(detail), weight: 42), g(p(techniques), weight: 30), g(p(sectors), p(timeline), p(events), p(indicators), p(actors), weight: 28)],
                sizes: [.wide])
        }
    }
}
