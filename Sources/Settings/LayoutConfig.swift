import Dashboard
import Yams

/// The `layouts:` section of config.yaml: named layouts of rows or columns of panes.
///
/// ```yaml
/// layout: triage            # the layout to start with; else chosen by the data
/// layouts:
///   triage:
///     sizes: [medium, wide] # compact, short, medium, wide; default: any
///     rows:                 # or columns:
///       - [events:3, detail:2]          # PANE[|PANE…][:WEIGHT], side by side
///       - {weight: 2, panes: [actors, sectors|techniques]}
///       - [timeline]
/// ```
/// A bad layout is skipped with its file:line:col and the built-in layout is used; the
/// rest of the config stands.
enum LayoutConfig {
    static func parse(_ doc: YAMLDocument, _ value: Node) -> (layouts: [LayoutSpec], problems: [SettingsError]) {
        var layouts: [LayoutSpec] = []
        var problems: [SettingsError] = []
        do {
            for (name, kNode, v) in try doc.mapping(value, key: "layouts") {
                do {
                    layouts.append(try layout(doc, name: name, keyNode: kNode, v))
                } catch {
                    problems.append(error)
                }
            }
        } catch {
            problems.append(error)
        }
        problems = problems.map { e in
            var e = e
            e.message += "; the built-in layout is used"
            return e
        }
        return (layouts, problems)
    }

    static func layout(_ doc: YAMLDocument, name: String, keyNode: Node, _ value: Node) throws(SettingsError) -> LayoutSpec {
        let key = "layouts." + name
        guard BuiltinLayouts.named(name) == nil else { throw doc.error(keyNode, key: key, "\"\(name)\" is a built-in layout's name; choose another") }
        var sizes: Set<SizeClass> = []
        var axis: LayoutSpec.Axis?
        var groups: [LayoutSpec.Group] = []
        for (k, kNode, v) in try doc.mapping(value, key: key) {
            switch k {
            case "sizes":
                for raw in try doc.strings(v, key: key + ".sizes") {
                    guard let s = SizeClass(rawValue: raw) else {
                        throw doc.error(v, key: key + ".sizes", "\"\(raw)\": expected \(SizeClass.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    sizes.insert(s)
                }
            case "rows", "columns":
                guard axis == nil else { throw doc.error(kNode, key: key + "." + k, "a layout has rows or columns, not both") }
                axis = LayoutSpec.Axis(rawValue: k)
                groups = try self.groups(doc, v, key: key + "." + k)
            default:
                throw doc.error(kNode, key: key + "." + k, "unknown key (expected sizes, rows, columns)")
            }
        }
        guard let axis else { throw doc.error(keyNode, key: key, "a layout needs rows: or columns:") }
        let spec = LayoutSpec(
            name: name, axis: axis, groups: groups, sizes: sizes, origin: "\(doc.file):\(keyNode.mark?.line ?? 1):\(keyNode.mark?.column ?? 1)")
        var seen: Set<PaneID> = []
        for pane in spec.panes where !seen.insert(pane).inserted {
            throw doc.error(value, key: key, "pane \"\(pane)\" appears twice")
        }
        return spec
    }

    static func groups(_ doc: YAMLDocument, _ value: Node, key: String) throws(SettingsError) -> [LayoutSpec.Group] {
        guard case .sequence(let list) = value, !list.isEmpty else {
            throw doc.error(value, key: key, "expected a list of groups, e.g. [[actors, sectors], [timeline]]")
        }
        var out: [LayoutSpec.Group] = []
        for item in list {
            var weight = 1
            var panes = item
            if case .mapping = item {
                var found: Node?
                for (k, kNode, v) in try doc.mapping(item, key: key) {
                    switch k {
                    case "weight": weight = try self.weight(doc, v, key: key + ".weight")
                    case "panes": found = v
                    default: throw doc.error(kNode, key: key + "." + k, "unknown key (expected weight, panes)")
                    }
                }
                guard let found else { throw doc.error(item, key: key, "a group needs panes:") }
                panes = found
            }
            var places: [LayoutSpec.Place] = []
            let nodes: [Node]
            if case .sequence(let items) = panes { nodes = Array(items) } else { nodes = [panes] }
            for node in nodes { places.append(try place(doc, try doc.string(node, key: key), node: node, key: key)) }
            guard !places.isEmpty else { throw doc.error(item, key: key, "a group needs at least one pane") }
            out.append(LayoutSpec.Group(places, weight: weight))
        }
        return out
    }

    /// `sectors|techniques:55`: panes taking turns, and a weight.
    static func place(_ doc: YAMLDocument, _ written: String, node: Node, key: String) throws(SettingsError) -> LayoutSpec.Place {
        let parts = written.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        var weight = 1
        if parts.count == 2 {
            guard let w = Int(parts[1]), (1...1000).contains(w) else {
                throw doc.error(node, key: key, "\"\(written)\": a weight is a whole number from 1 to 1000")
            }
            weight = w
        }
        var panes: [PaneID] = []
        for name in parts[0].split(separator: "|", omittingEmptySubsequences: false).map({ String($0).trimmingSpaces.lowercased() }) {
            guard PaneRegistry.pane(PaneID(name)) != nil else {
                throw doc.error(
                    node, key: key, "\"\(written)\": unknown pane \"\(name)\" (expected \(PaneRegistry.ids.map(\.rawValue).joined(separator: ", ")))")
            }
            panes.append(PaneID(name))
        }
        guard !panes.isEmpty else { throw doc.error(node, key: key, "\"\(written)\": no pane named") }
        return LayoutSpec.Place(panes, weight: weight)
    }

    static func weight(_ doc: YAMLDocument, _ node: Node, key: String) throws(SettingsError) -> Int {
        let n = try doc.number(node, key: key)
        guard n == n.rounded(), n >= 1, n <= 1000 else { throw doc.error(node, key: key, "a weight is a whole number from 1 to 1000") }
        return Int(n)
    }
}
