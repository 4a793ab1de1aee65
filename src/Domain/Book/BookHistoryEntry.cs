namespace SoSucKhoe.Book;

/// <summary>One diagnosis in the person's history: every visit in the book that recorded it (as main or secondary diagnosis).</summary>
/// <param name="Code">The code in dotted form without markers (e.g. "J06.9"); codes are merged whatever form facilities sent.</param>
/// <param name="Name">The catalogue name carried by the most recent visit that had one, or null.</param>
/// <param name="FirstSeen">Arrival time of the first visit that recorded it.</param>
/// <param name="LastSeen">Arrival time of the latest visit that recorded it.</param>
/// <param name="FacilityCodes">The facilities that recorded it, in order of first record.</param>
/// <param name="VisitCount">How many visits recorded it.</param>
/// <param name="AsMainDiagnosis">How many of those visits had it as the main diagnosis.</param>
public sealed record BookHistoryEntry(
    string Code,
    string? Name,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> FacilityCodes,
    int VisitCount,
    int AsMainDiagnosis);
