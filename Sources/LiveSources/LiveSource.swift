import ThreatModel

/// A live source of records: a TAXII collection, a MISP feed or a MISP search. It knows what
/// one pull fetches and what the dataset gets from it; when to pull, retries, backoff and the
/// status words are the poller's (`LivePoller`), the same for every kind.
///
/// A pull keeps whatever complete parts arrived (TAXII pages, MISP events) even when it then
/// fails, so the next pull resumes where it stopped; and it never replaces good records with
/// bad ones.
public protocol LiveSource: AnyObject, Sendable {
    /// "taxii:https://… · Enterprise ATT&CK": the source's name in lists and provenance.
    var label: String { get }
    var format: Provenance.Format { get }
    var settings: LiveSettings { get }
    /// When the records restored from the on-disk cache were pulled (nil: nothing cached).
    var cachedAt: Double? { get }
    /// Fetches what changed since the last pull, by `deadline`.
    func pull(by deadline: PullDeadline) async throws(PullError)
    /// The records to show now, with problems about parts of them.
    func contents() -> LiveContents
}
