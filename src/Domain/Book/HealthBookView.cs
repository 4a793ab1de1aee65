namespace SoSucKhoe.Book;

/// <summary>
/// A person's electronic health book (QĐ 1332 data set mapped by QĐ 2733 App. 02): administrative part, visits ordered by
/// arrival, diagnosis history, upcoming re-exams, and the versions that left the book.
/// </summary>
/// <param name="Administrative">The administrative part with provenance.</param>
/// <param name="Visits">The latest version of every non-cancelled episode, ordered by arrival time, then facility, then MA_LK.</param>
/// <param name="History">Every diagnosis of those visits, ordered by first seen, then code.</param>
/// <param name="UpcomingReExams">Re-exam appointments dated on or after <paramref name="Today"/>, from every facility, ordered by date.</param>
/// <param name="Superseded">Earlier versions replaced by a correction, ordered by facility, MA_LK, version.</param>
/// <param name="Cancelled">The latest version of each cancelled episode, ordered by facility, MA_LK.</param>
/// <param name="Today">The Vietnam calendar date the view was built for.</param>
public sealed record HealthBookView(
    BookAdministrative Administrative,
    IReadOnlyList<BookVisit> Visits,
    IReadOnlyList<BookHistoryEntry> History,
    IReadOnlyList<BookAppointment> UpcomingReExams,
    IReadOnlyList<BookVersionRef> Superseded,
    IReadOnlyList<BookVersionRef> Cancelled,
    DateOnly Today)
{
    /// <summary>How many earlier versions corrections replaced.</summary>
    public int SupersededCount => Superseded.Count;

    /// <summary>How many episodes were cancelled or entered in error.</summary>
    public int CancelledCount => Cancelled.Count;
}
