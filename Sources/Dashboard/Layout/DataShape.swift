import ThreatModel
import Analysis

/// What the data in view mostly is, which decides the default layout: a catalogue of
/// actors (ATT&CK, galaxies, the sample's attributed report), a pile of events that few
/// actors explain (MISP events, feeds), or one actor under investigation.
public enum DataShape: String, Sendable, CaseIterable {
    case actors, events, profile

    /// One actor in view is a profile; events in view at least as many as actors make the
    /// data events-first (MISP events, feeds, reports with activity); the rest, catalogues
    /// of actors without events (ATT&CK, galaxies), is actors-first.
    public static func of(_ selection: Selection, dataset: Dataset) -> DataShape {
        if selection.actorIDs.count == 1 { return .profile }
        let events = selection.eventIndices.count
        return events > 0 && events >= selection.actorIDs.count ? .events : .actors
    }

    /// The pane focused first: the profile of a single actor; the events when most of
    /// them name no actor (MISP events: the breakdown by nexus says little there); else the
    /// actors, where a report's headline figure is.
    static func firstFocus(_ selection: Selection, dataset: Dataset) -> PaneID {
        switch of(selection, dataset: dataset) {
        case .profile: return PaneID("detail")
        case .actors: return PaneID("actors")
        case .events:
            let index = dataset.index
            var attributed = 0
            for i in selection.eventIndices where index.eventActorStart[i + 1] > index.eventActorStart[i] { attributed += 1 }
            return attributed * 2 < selection.eventIndices.count ? PaneID("events") : PaneID("actors")
        }
    }
}
