namespace SoSucKhoe.Book;

/// <summary>The referral paper (XML13 giấy chuyển tuyến), present only for MA_LOAI_RV 2 and 5.</summary>
/// <param name="ReferralNumber">SO_CHUYENTUYEN.</param>
/// <param name="PaperNumber">GIAY_CHUYEN_TUYEN.</param>
/// <param name="FromFacilityCode">MA_CSKCB: the referring facility.</param>
/// <param name="ToFacilityCode">MA_NOI_DEN: the facility the citizen is referred to.</param>
/// <param name="DischargeDiagnosis">CHAN_DOAN_RV.</param>
/// <param name="MainDiagnosisCode">MA_BENH_CHINH.</param>
/// <param name="DischargeType">MA_LOAI_RV (2 professional referral, 5 at the patient's request).</param>
/// <param name="ReasonCode">MA_LYDO_CT.</param>
/// <param name="TreatmentDirection">HUONG_DIEU_TRI.</param>
public sealed record BookReferral(
    string? ReferralNumber,
    string? PaperNumber,
    string? FromFacilityCode,
    string? ToFacilityCode,
    string? DischargeDiagnosis,
    string? MainDiagnosisCode,
    string? DischargeType,
    string? ReasonCode,
    string? TreatmentDirection);
