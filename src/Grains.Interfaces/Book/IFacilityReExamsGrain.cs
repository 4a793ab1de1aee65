namespace SoSucKhoe.Book;

/// <summary>
/// The re-exam appointments (XML14) a facility will receive, keyed by the facility's MA_CSKCB: the facility's view of who is
/// booked to come back, across every person. Kept by the patient grains as dossiers arrive, are corrected or are cancelled.
/// </summary>
public interface IFacilityReExamsGrain : IGrainWithStringKey
{
    /// <summary>Records (or replaces) the appointments one episode booked.</summary>
    Task Upsert(FacilityReExam appointment);

    /// <summary>Forgets the appointments of an episode (corrected without XML14, or cancelled).</summary>
    Task Remove(string sourceDossierId);

    /// <summary>Appointments dated in [from, to), ordered by date.</summary>
    Task<IReadOnlyList<FacilityReExam>> List(DateTimeOffset from, DateTimeOffset to);
}

/// <summary>One booked re-exam as the receiving facility sees it.</summary>
/// <param name="SourceDossierId">The episode that booked it (MA_CSKCB:MA_LK).</param>
/// <param name="PersonKey">Who is coming.</param>
/// <param name="Dates">The appointment time(s).</param>
/// <param name="AppointmentNumber">SO_GIAYHEN_KL.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.FacilityReExam")]
public sealed record FacilityReExam(
    [property: Id(0)] string SourceDossierId,
    [property: Id(1)] string PersonKey,
    [property: Id(2)] IReadOnlyList<DateTimeOffset> Dates,
    [property: Id(3)] string? AppointmentNumber);
