import JSONCore

/// The event columns of a `DatasetIndex` as `UnsafeView`s, for loops that run on several cores:
/// an `ArraySlice` per event retains the shared column, and two threads retaining one object
/// a million times contend for its reference count. Valid only inside `DatasetIndex.withColumns`.
package struct EventColumns {
    package let start: UnsafeView<Int32>
    package let length: UnsafeView<Int32>
    package let nexus: UnsafeView<UInt16>
    package let actorStart: UnsafeView<Int32>
    package let actorList: UnsafeView<Int32>
    package let sectorStart: UnsafeView<Int32>
    package let sectorList: UnsafeView<Int16>

    /// The actor positions of event `k`.
    @inline(__always)
    package func actors(_ k: Int) -> UnsafeView<Int32> { actorList.slice(Int(actorStart[k])..<Int(actorStart[k + 1])) }

    /// The expanded sector positions of event `k`.
    @inline(__always)
    package func sectors(_ k: Int) -> UnsafeView<Int16> { sectorList.slice(Int(sectorStart[k])..<Int(sectorStart[k + 1])) }
}

extension DatasetIndex {
    /// Calls `body` with the event columns as views.
    package func withColumns<R>(_ body: (EventColumns) -> R) -> R {
        eventStart.withUnsafeView { start in
            eventLength.withUnsafeView { length in
                eventNexus.withUnsafeView { nexus in
                    eventActorStart.withUnsafeView { actorStart in
                        eventActors.withUnsafeView { actorList in
                            eventSectorStart.withUnsafeView { sectorStart in
                                eventSectors.withUnsafeView { sectorList in
                                    body(
                                        EventColumns(
                                            start: start, length: length, nexus: nexus, actorStart: actorStart, actorList: actorList,
                                            sectorStart: sectorStart, sectorList: sectorList))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
