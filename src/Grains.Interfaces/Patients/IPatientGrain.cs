using SoSucKhoe.Book;
using SoSucKhoe.Forwarding;

namespace SoSucKhoe.Patients;

/// <summary>
/// One citizen, keyed by the 12-digit personal identification number (or, for people the hub only knows by an old ID or a
/// passport, by a namespaced key such as <c>passport:B1234567</c>, see <see cref="PersonKey"/>). The grain orders the person's
/// encounters, makes duplicate and concurrent submissions safe, and owns the outbox of documents still to be forwarded to the
/// national gateway: an accepted dossier and its "to forward" mark are written in the same state write.
/// </summary>
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>Records (or finds again) the encounter a facility opens at check-in, and queues its XML0 document if one came.</summary>
    Task<CheckInOutcome> CheckIn(CheckInCommand command);

    /// <summary>Files a validated dossier. Identical content for the same (MA_CSKCB, MA_LK) returns the earlier answer.</summary>
    Task<DossierAcceptance> SubmitDossier(DossierSubmission submission);

    /// <summary>The status of one version (0 = latest) of an episode's dossier, or null when the person has no such episode.</summary>
    Task<DossierStatusView?> GetDossierStatus(string facilityCode, string maLk, int version);

    /// <summary>The person's encounters, ordered by arrival time.</summary>
    Task<IReadOnlyList<EncounterView>> GetEncounters();

    /// <summary>The interop side reports the outcome of one forwarding attempt.</summary>
    Task OnForwardResult(ForwardResult result);

    /// <summary>
    /// The document of an open outbox entry, for the forwarder that is about to send it; null when the entry is no longer open
    /// (answered meanwhile). Interleaves with the grain's other calls: it only reads.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<OutboxDocument?> GetOutboxDocument(string itemId);

    /// <summary>Publishes the head of the outbox again if it is not in flight (after a restart, a lost message or an outage).</summary>
    Task Redrive();

    /// <summary>
    /// The gateway answers again after an outage: cancels the back-off of a failing entry and publishes the head of the outbox
    /// now, so that the backlog drains at the hub's pace rather than at each person's retry timer.
    /// </summary>
    Task Resume();

    /// <summary>How many documents wait in this person's outbox.</summary>
    Task<int> GetOutboxLength();

    /// <summary>Every dossier version's encoded book projection with its cancelled flag: the material the health book is built from.</summary>
    Task<IReadOnlyList<EncodedBookEntry>> GetBookEntries();

    /// <summary>
    /// Consent by presentation: true when the person has a check-in at the facility made within <paramref name="window"/> of
    /// <paramref name="now"/>.
    /// </summary>
    Task<bool> HasOpenCheckIn(string facilityCode, DateTimeOffset now, TimeSpan window);

    /// <summary>
    /// Puts a dossier version the gateway refused back into the outbox (after the cause was fixed on the gateway's side); false
    /// when there is no such refused version.
    /// </summary>
    Task<bool> ReplayRejected(string facilityCode, string maLk, int version);

    /// <summary>Marks an episode cancelled or entered in error: it leaves the book and stays in history. False when unknown.</summary>
    Task<bool> CancelEpisode(string facilityCode, string maLk, string reason);
}
