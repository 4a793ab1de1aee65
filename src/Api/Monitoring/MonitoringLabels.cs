using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// The Vietnamese names the province's officials read on the dashboard and in the semiannual report (the wording of the
/// pilot plan and of QĐ 2733 Appendix 01).
/// </summary>
public static class MonitoringLabels
{
    /// <summary>The name of a readiness state.</summary>
    public static string State(ReadinessState state) => state switch
    {
        ReadinessState.Registered => "Đã đăng ký",
        ReadinessState.Preparing => "Đang chuẩn bị",
        ReadinessState.Ready => "Sẵn sàng",
        ReadinessState.Live => "Đang liên thông",
        ReadinessState.Suspended => "Tạm dừng",
        _ => "Chưa xác định",
    };

    /// <summary>The name of a readiness condition.</summary>
    public static string Condition(ReadinessCondition condition) => condition switch
    {
        ReadinessCondition.ConnectionCode => "Được cấp mã liên thông",
        ReadinessCondition.PlanApproved => "Kế hoạch được phê duyệt, phân công nhân sự",
        ReadinessCondition.HisConfigured => "Phần mềm HIS xuất đúng bảng 130/4750",
        ReadinessCondition.SigningCertificate => "Chứng thư số ký số còn hiệu lực",
        ReadinessCondition.InternalRegulation => "Quy chế, quy trình nội bộ được phê duyệt",
        ReadinessCondition.StaffTrained => "Nhân viên được tập huấn",
        ReadinessCondition.NetworkSecurity => "Bảo đảm an toàn, bảo mật thông tin",
        ReadinessCondition.ReceivesByIdentity => "Tiếp đón bằng CCCD gắn chip, số định danh hoặc thẻ BHYT",
        ReadinessCondition.SignsAndInterconnects => "Ký số và liên thông mọi hồ sơ",
        ReadinessCondition.AcceptsVneidBook => "Sử dụng Sổ sức khỏe điện tử trên VNeID",
        _ => "Chưa xác định",
    };

    /// <summary>The name of a care type of the semiannual report.</summary>
    public static string CareTypeName(CareType careType) => careType switch
    {
        CareType.OutpatientExam => "Khám bệnh ngoại trú",
        CareType.OutpatientTreatment => "Điều trị ngoại trú",
        CareType.DrugRefill => "Cấp thuốc theo hẹn",
        CareType.Inpatient => "Điều trị nội trú",
        CareType.DayCare => "Điều trị nội trú ban ngày",
        CareType.Telemedicine => "Khám chữa bệnh từ xa",
        _ => "Chưa xác định",
    };

    /// <summary>The name of an alert kind.</summary>
    public static string Alert(AlertKind kind) => kind switch
    {
        AlertKind.Silent => "Ngừng gửi dữ liệu",
        AlertKind.CertificateExpiring => "Chứng thư số sắp hết hạn",
        AlertKind.RejectionRateJump => "Tỷ lệ hồ sơ bị từ chối tăng đột biến",
        _ => "Cảnh báo khác",
    };

    /// <summary>The six care types of the report, in the order of the report.</summary>
    public static readonly IReadOnlyList<CareType> ReportCareTypes =
    [
        CareType.OutpatientExam, CareType.OutpatientTreatment, CareType.DrugRefill,
        CareType.Inpatient, CareType.DayCare, CareType.Telemedicine,
    ];

    /// <summary>The states in display order.</summary>
    public static readonly IReadOnlyList<ReadinessState> States =
    [
        ReadinessState.Registered, ReadinessState.Preparing, ReadinessState.Ready, ReadinessState.Live, ReadinessState.Suspended,
    ];
}
