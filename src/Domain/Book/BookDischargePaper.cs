namespace SoSucKhoe.Book;

/// <summary>The discharge paper (XML7 giấy ra viện) the citizen carries.</summary>
/// <param name="ArchiveNumber">SO_LUU_TRU.</param>
/// <param name="DischargeDepartment">MA_KHOA_RV.</param>
/// <param name="AdmissionTime">NGAY_VAO.</param>
/// <param name="DischargeTime">NGAY_RA.</param>
/// <param name="DischargeDiagnosis">CHAN_DOAN_RV.</param>
/// <param name="TreatmentMethod">PP_DIEUTRI.</param>
/// <param name="Notes">GHI_CHU.</param>
/// <param name="DoctorName">TEN_BS.</param>
/// <param name="DocumentDate">NGAY_CT.</param>
/// <param name="LeaveDays">SO_NGAY_NGHI (rest days after discharge), when given.</param>
public sealed record BookDischargePaper(
    string? ArchiveNumber,
    string? DischargeDepartment,
    DateTimeOffset? AdmissionTime,
    DateTimeOffset? DischargeTime,
    string? DischargeDiagnosis,
    string? TreatmentMethod,
    string? Notes,
    string? DoctorName,
    DateTimeOffset? DocumentDate,
    int? LeaveDays);
