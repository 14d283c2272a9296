import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// The identity computation: groups of records, why they joined, umbrellas, shared aliases.
    struct Identity {
        let records: [Record]
        private(set) var parent: [Int]
        /// Per root that has been joined: catalogue namespace → ids in the group. A record
        /// never joined has its own catalogue only (made when asked: most never are).
        private(set) var catalogues: [Int: [String: Set<String>]] = [:]
        private(set) var unionReasons: [(a: Int, b: Int, text: String)] = []
        private(set) var groups: [[Int]] = []
        /// Per group: why its members are one actor, in the order the unions were made.
        private(set) var reasonsByGroup: [[String]] = []
        /// Per group index: the groups an umbrella would have joined.
        private(set) var umbrellaLinks: [Int: [Int]] = [:]
        /// Folded alias → groups sharing it as an alias only, with the alias as written.
        private(set) var sharedAliases: [String: [Int]] = [:]
        /// Alias as written → how it is shared, when it is one record's name and another's
        /// alias (a join refused because their catalogues keep them apart).
        private(set) var sharedHow: [String: String] = [:]

        init(_ records: [Record]) {
            self.records = records
            parent = Array(records.indices)
            let order = records.indices.sorted { (DatasetBuilder.priority(records[$0].format), $0) < (DatasetBuilder.priority(records[$1].format), $1) }
            let byName = joinCore(order)
            let edges = aliasEdges(order, byName: byName)
            let umbrellaTargets = umbrellas(edges)
            let refused = joinAlongEdges(edges, umbrellas: Set(umbrellaTargets.keys))
            let index = finishGroups()
            for (u, targets) in umbrellaTargets {
                guard let g = index[find(u)] else { continue }
                umbrellaLinks[g] = Array(Set(targets.compactMap { index[find($0)] }).filter { $0 != g }).sorted()
            }
            findSharedAliases(refused: refused, index: index)
        }

        /// Core: shared catalogue ids and equal names always join. Returns the first record
        /// of each name key.
        private mutating func joinCore(_ order: [Int]) -> [String: Int] {
            // Sized once: grown from empty, every key was hashed again at each doubling.
            var byID: [String: Int] = [:]
            byID.reserveCapacity(order.reduce(0) { $0 + records[$1].idKeys.count })
            var byName: [String: Int] = [:]
            byName.reserveCapacity(order.count)
            for i in order {
                for k in records[i].idKeys {
                    if let j = byID[k] {
                        union(
                            j, i,
                            records[i].label + ": same catalogue id " + (k.dropFirst().split(separator: ":").last.map(String.init) ?? k) + " as "
                                + records[j].label, force: true)
                    } else {
                        byID[k] = i
                    }
                }
                let n = records[i].nameKey
                guard n.count >= 3 else { continue }
                if let j = byName[n] {
                    union(j, i, records[i].label + ": same name as " + records[j].label, force: true)
                } else {
                    byName[n] = i
                }
            }
            return byName
        }

        /// Name-to-alias edges between core groups: record `from` lists `alias`, the name of `to`.
        private mutating func aliasEdges(_ order: [Int], byName: [String: Int]) -> [(from: Int, to: Int, alias: String)] {
            var edges: [(from: Int, to: Int, alias: String)] = []
            for i in order {
                for (k, alias) in records[i].keyedAliases {
                    guard let j = byName[k] else { continue }
                    if find(i) != find(j) { edges.append((i, j, alias)) }
                }
            }
            return edges
        }

        /// Umbrellas: groups whose names reach two groups that are distinct from each other,
        /// with the groups they reach.
        private mutating func umbrellas(_ edges: [(from: Int, to: Int, alias: String)]) -> [Int: [Int]] {
            var neighbours: [Int: Set<Int>] = [:]
            for e in edges {
                let a = find(e.from), b = find(e.to)
                neighbours[a, default: []].insert(b)
                neighbours[b, default: []].insert(a)
            }
            var umbrellaTargets: [Int: [Int]] = [:]
            for (g, ns) in neighbours {
                let list = ns.sorted()
                var distinctPair = false
                outer: for x in 0..<list.count {
                    for y in (x + 1)..<list.count where distinct(list[x], list[y]) {
                        distinctPair = true
                        break outer
                    }
                }
                if distinctPair { umbrellaTargets[g] = list }
            }
            return umbrellaTargets
        }

        /// Merges along the remaining edges, never joining two distinct groups; returns the
        /// edges refused for that.
        private mutating func joinAlongEdges(_ edges: [(from: Int, to: Int, alias: String)], umbrellas: Set<Int>) -> [(Int, Int, String)] {
            var refused: [(Int, Int, String)] = []
            for e in edges {
                let a = find(e.from), b = find(e.to)
                if a == b || umbrellas.contains(a) || umbrellas.contains(b) { continue }
                if distinct(a, b) {
                    refused.append((e.from, e.to, e.alias))
                    continue
                }
                union(e.to, e.from, records[e.from].label + " lists '\(e.alias)', the name of " + records[e.to].label, force: false)
            }
            return refused
        }

        /// The final groups, in first-record order, with their reasons; returns each root's group.
        private mutating func finishGroups() -> [Int: Int] {
            var index: [Int: Int] = [:]
            var out: [[Int]] = []
            for i in records.indices {
                let root = find(i)
                if let g = index[root] {
                    out[g].append(i)
                } else {
                    index[root] = out.count
                    out.append([i])
                }
            }
            groups = out
            // Every union joined its two records, so a reason belongs to the group of either.
            var reasons = [[String]](repeating: [], count: out.count)
            for u in unionReasons { if let g = index[find(u.a)] { reasons[g].append(u.text) } }
            reasonsByGroup = reasons
            return index
        }

        /// Aliases shared by several final groups (as aliases, or refused name links).
        private mutating func findSharedAliases(refused: [(Int, Int, String)], index: [Int: Int]) {
            var aliasGroups: [String: (text: String, groups: Set<Int>)] = [:]
            aliasGroups.reserveCapacity(records.indices.reduce(0) { $0 + records[$1].keyedAliases.count })
            // By index: each record taken out of the array was a copy of its actor too.
            for i in records.indices {
                guard let g = index[find(i)] else { continue }
                for (k, alias) in records[i].keyedAliases {
                    aliasGroups[k, default: (alias, [])].groups.insert(g)
                }
            }
            for (from, to, alias) in refused {
                guard let a = index[find(from)], let b = index[find(to)] else { continue }
                let key = Actor.nameKey(alias)
                aliasGroups[key, default: (alias, [])].groups.formUnion([a, b])
                let written = aliasGroups[key]?.text ?? alias
                sharedHow[written] =
                    "the name of " + records[to].label + " and an alias of " + records[from].label
                    + "; kept apart, since their catalogues say they are distinct"
            }
            for (_, v) in aliasGroups where v.groups.count >= 2 && v.groups.count <= 20 { sharedAliases[v.text] = v.groups.sorted() }
        }

        mutating func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }

        /// Distinct by a catalogue's word: both groups hold records of one catalogue (ATT&CK
        /// groups, one galaxy file, one bundle) and share no id in it.
        mutating func distinct(_ a: Int, _ b: Int) -> Bool {
            let ra = find(a), rb = find(b)
            guard ra != rb else { return false }
            let ca = catalogue(ra), cb = catalogue(rb)
            for (ns, ids) in ca {
                if let other = cb[ns], ids.isDisjoint(with: other) { return true }
            }
            return false
        }

        /// The catalogue ids of the group whose root is `root`.
        func catalogue(_ root: Int) -> [String: Set<String>] { catalogues[root] ?? Self.catalogue(of: records[root]) }

        static func catalogue(of record: Record) -> [String: Set<String>] {
            var c: [String: Set<String>] = [:]
            for (ns, id) in record.catalogue { c[ns, default: []].insert(id) }
            return c
        }

        mutating func union(_ a: Int, _ b: Int, _ reason: String, force: Bool) {
            let ra = find(a), rb = find(b)
            guard ra != rb else { return }
            if !force && distinct(ra, rb) { return }
            let (root, child) = (min(ra, rb), max(ra, rb))
            parent[child] = root
            // Taken out, grown in place and put back: a copy per union made a feed of 10,000
            // events naming the same 14 actors quadratic.
            var merged = catalogues.removeValue(forKey: root) ?? Self.catalogue(of: records[root])
            for (ns, ids) in catalogues.removeValue(forKey: child) ?? Self.catalogue(of: records[child]) { merged[ns, default: []].formUnion(ids) }
            catalogues[root] = merged
            unionReasons.append((a, b, reason))
        }

    }
}
