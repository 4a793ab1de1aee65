namespace SoSucKhoe.Book;

/// <summary>A re-examination appointment of a visit.</summary>
/// <param name="Dates">
/// The appointment dates, ascending: XML14 NGAY_HEN_KL, plus the XML1 NGAY_TAI_KHAM dates that fall on another day
/// (a facility may book several specialties on different days). Vietnam time.
/// </param>
/// <param name="FacilityCode">The facility that booked it (XML14 MA_CSKCB, else the visit's facility).</param>
/// <param name="AppointmentNumber">SO_GIAYHEN_KL.</param>
/// <param name="Notes">XML14 CHAN_DOAN_RV: the diagnosis the appointment follows up.</param>
/// <param name="Source">"XML14" when the appointment paper came; "XML1" when only NGAY_TAI_KHAM was filled.</param>
public sealed record BookReExam(
    IReadOnlyList<DateTimeOffset> Dates,
    string FacilityCode,
    string? AppointmentNumber,
    string? Notes,
    string Source);
