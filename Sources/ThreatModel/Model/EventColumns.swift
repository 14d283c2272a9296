/// The event columns of a `DatasetIndex` as raw buffers, for loops that run on several cores:
/// an `ArraySlice` per event retains the shared column, and two threads retaining one object
/// a million times contend for its reference count. Valid only inside `DatasetIndex.withColumns`.
package struct EventColumns {
    package let start: UnsafeBufferPointer<Int32>
    package let length: UnsafeBufferPointer<Int32>
    package let nexus: UnsafeBufferPointer<UInt16>
    package let actorStart: UnsafeBufferPointer<Int32>
    package let actorList: UnsafeBufferPointer<Int32>
    package let sectorStart: UnsafeBufferPointer<Int32>
    package let sectorList: UnsafeBufferPointer<Int16>

    /// The actor positions of event `k`.
    @inline(__always)
    package func actors(_ k: Int) -> Slice<UnsafeBufferPointer<Int32>> { actorList[Int(actorStart[k])..<Int(actorStart[k + 1])] }

    /// The expanded sector positions of event `k`.
    @inline(__always)
    package func sectors(_ k: Int) -> Slice<UnsafeBufferPointer<Int16>> { sectorList[Int(sectorStart[k])..<Int(sectorStart[k + 1])] }
}

extension DatasetIndex {
    /// Calls `body` with the event columns as raw buffers.
    package func withColumns<R>(_ body: (EventColumns) -> R) -> R {
        eventStart.withUnsafeBufferPointer { start in
            eventLength.withUnsafeBufferPointer { length in
                eventNexus.withUnsafeBufferPointer { nexus in
                    eventActorStart.withUnsafeBufferPointer { actorStart in
                        eventActors.withUnsafeBufferPointer { actorList in
                            eventSectorStart.withUnsafeBufferPointer { sectorStart in
                                eventSectors.withUnsafeBufferPointer { sectorList in
                                    body(EventColumns(start: start, length: length, nexus: nexus, actorStart: actorStart, actorList: actorList,
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
