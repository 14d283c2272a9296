import Testing
@testable import ThreatModel
@testable import Identity

@Suite struct NormalisationTests {
    func actor(_ name: String, aliases: [String] = [], nexus: Nexus = .unknown, basis: NexusBasis = .unknown, format: Provenance.Format = .native) -> Actor {
        Actor(id: name, name: name, aliases: aliases, nexus: nexus, nexusBasis: basis, provenance: [Provenance(file: name, format: format)])
    }

    func build(_ records: [(Provenance.Format, Actor)]) -> Dataset {
        DatasetBuilder.build(records.map { format, a in
            var r = IngestResult(file: a.name, format: format)
            r.actors = [a]
            return r
        })
    }

    @Test(arguments: [
        ("Murky Panda", "CN"), ("Fancy Bear", "RU"), ("Famous Chollima", "KP"), ("Charming Kitten", "IR"),
        ("Silk Typhoon", "CN"), ("Seashell Blizzard", "RU"), ("Outrider Tiger", "IN"), ("Mustang Panda", "CN"),
    ])
    func namingConventionGivesAnInferredNexus(name: String, code: String) {
        let d = build([(.native, actor(name))])
        #expect(d.actors[0].nexus == .country(code))
        if case .naming = d.actors[0].nexusBasis {} else { Issue.record("\(name): \(d.actors[0].nexusBasis)") }
        #expect(d.actors[0].type == .state)
    }

    @Test func spiderIsECrimeWithUnknownNexus() {
        let d = build([(.native, actor("Scattered Spider"))])
        #expect(d.actors[0].nexus == .unknown)
        #expect(d.actors[0].type == .ecrime)
        let j = build([(.native, actor("Ruby Jackal"))])
        #expect(j.actors[0].type == .hacktivist)
    }

    @Test func statedNexusBeatsTheName() {
        let d = build([(.native, actor("Odd Panda", nexus: .country("RU"), basis: .stated))])
        #expect(d.actors[0].nexus == .country("RU"))
        #expect(d.actors[0].nexusBasis == .stated)
    }

    @Test func unknownStaysUnknown() {
        let d = build([(.native, actor("Cluster 7741"))])
        #expect(d.actors[0].nexus == .unknown && d.actors[0].nexusBasis == .unknown && d.actors[0].type == .unknown)
        // A source that states "unknown" is not overruled by a name.
        let s = build([(.native, actor("Some Panda", nexus: .unknown, basis: .stated))])
        #expect(s.actors[0].nexus == .unknown)
    }

    @Test func conflictingNamesSayNothing() {
        let d = build([(.native, actor("Iron Tiger", aliases: ["Emissary Panda"]))])
        #expect(d.actors[0].nexus == .unknown)
    }

    @Test func mergesByAliasAndKeepsEverySource() {
        let d = build([
            (.native, actor("Murky Panda")),
            (.misp, actor("HAFNIUM", aliases: ["MURKY PANDA", "Silk Typhoon"], nexus: .country("CN"), basis: .stated, format: .misp)),
            (.stix, actor("Silk Typhoon", format: .stix)),
        ])
        #expect(d.actors.count == 1)
        #expect(d.actors[0].name == "Murky Panda")
        // Names follow source priority: the report, then STIX, then MISP.
        #expect(d.actors[0].aliases == ["Silk Typhoon", "HAFNIUM"])
        #expect(d.actors[0].provenance.count == 3)
        #expect(d.actors[0].nexusBasis == .stated)
    }

    @Test func aSharedAliasDoesNotJoinActorsOfDifferentStatedCountries() {
        let d = build([
            (.misp, actor("Group A", aliases: ["Shared"], nexus: .country("CN"), basis: .stated, format: .misp)),
            (.misp, actor("Group B", aliases: ["Shared"], nexus: .country("IR"), basis: .stated, format: .misp)),
        ])
        #expect(d.actors.count == 2)
    }

    @Test func conflictingSourcesAreShownAsAConflict() {
        let d = build([
            (.native, actor("Twin", nexus: .country("CN"), basis: .stated)),
            (.stix, actor("Twin", aliases: ["Other Name"], nexus: .unknown, basis: .unknown, format: .stix)),
            (.misp, actor("Other Name", nexus: .country("CN"), basis: .conflict(others: ["HK"]), format: .misp)),
        ])
        // One actor, counted once, under Disputed, with every claim and who made it.
        #expect(d.actors.count == 1)
        #expect(d.actors[0].nexus == .disputed)
        #expect(d.actors[0].nexusBasis == .conflict(others: ["CN", "HK"]))
        #expect(Set(d.actors[0].nexusClaims.compactMap(\.nexus.code)) == ["CN", "HK"])
        #expect(d.actors[0].nexusClaims.allSatisfy { !$0.source.isEmpty })
    }

    @Test func vocabularyFoldsSpellings() {
        #expect(Vocabulary.sectorID(matching: "Telecoms") == "telecommunications")
        #expect(Vocabulary.sectorID(matching: "Semi-conductors") == "semiconductors")
        #expect(Vocabulary.sectorID(matching: "Government, Administration") == "government")
        #expect(Vocabulary.sectorLineage("ai-research") == ["ai-research", "technology"])
        #expect(Vocabulary.regionID(matching: "Southeast Asia") == "south-eastern-asia")
        #expect(Vocabulary.countryCode(matching: "Russian Federation") == "RU")
        #expect(Vocabulary.countryCode(matching: "Korea (Democratic People's Republic of)") == "KP")
        #expect(Vocabulary.country("VN")?.region == "south-eastern-asia")
        #expect(Vocabulary.regionLineage("south-eastern-asia") == ["south-eastern-asia", "asia", "world"])
        #expect(Vocabulary.sectorID(matching: "Unknown") == nil)
    }
}
