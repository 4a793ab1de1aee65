namespace SoSucKhoe.Book;

/// <summary>
/// The re-exam appointment of a dossier version, as much of it as the receiving facility's list needs
/// (<see cref="IFacilityReExamsGrain"/>): the patient grain keeps it beside the version's encoded book projection, which it does
/// not read.
/// </summary>
/// <param name="Dates">The appointment time(s), ascending.</param>
/// <param name="FacilityCode">The facility the person is booked to come back to.</param>
/// <param name="AppointmentNumber">SO_GIAYHEN_KL.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.ReExamBooking")]
public sealed record ReExamBooking(
    [property: Id(0)] IReadOnlyList<DateTimeOffset> Dates,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] string? AppointmentNumber)
{
    /// <summary>The booking of a visit's re-exam, or null when the visit booked none.</summary>
    public static ReExamBooking? Of(BookReExam? reExam) =>
        reExam is null ? null : new ReExamBooking(reExam.Dates, reExam.FacilityCode, reExam.AppointmentNumber);
}
