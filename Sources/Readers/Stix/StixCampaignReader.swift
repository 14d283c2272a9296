import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readCampaign(_ o: StixObject, key: StixKey) {
        let id = key.id
        // A ThreatDeck export's stand-in for "no actor" (a sighting must be of something):
        // its sightings are events without actors, not a campaign.
        if o.bool(.tdExport, document) { return }
        guard let campaignName = requiredText(o, .name) else { return }
        campaignIndex[key] = result.campaigns.count
        result.campaigns.append(
            Campaign(
                id: id, name: campaignName, span: span(o), description: o.string(.description, document),
                provenance: [provenance(id, references: references(o), tlp: marking(o))]))
    }
}
