namespace SoSucKhoe.Book;

/// <summary>One upcoming re-examination appointment, from any facility.</summary>
/// <param name="Date">The appointment date and time (Vietnam time).</param>
/// <param name="FacilityCode">The facility that booked it.</param>
/// <param name="VisitFacilityCode">The facility of the visit whose dossier carried the appointment.</param>
/// <param name="MaLk">That visit's episode key.</param>
/// <param name="AppointmentNumber">SO_GIAYHEN_KL, when an XML14 came.</param>
/// <param name="Notes">The diagnosis the appointment follows up.</param>
public sealed record BookAppointment(
    DateTimeOffset Date,
    string FacilityCode,
    string VisitFacilityCode,
    string MaLk,
    string? AppointmentNumber,
    string? Notes);
