using System.Globalization;
using SoSucKhoe.Book;

namespace SoSucKhoe.Api.Book;

/// <summary>The content of an episode document, independent of its rendering: headed sections of label/value pairs and tables.</summary>
internal sealed record EpisodeDocumentSections(IReadOnlyList<EpisodeDocumentSection> Body, IReadOnlyList<string> Footer)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static EpisodeDocumentSections Build(BookVisit visit, EpisodeDocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var body = new List<EpisodeDocumentSection>();

        var general = new Fields();
        general.Add("Cơ sở khám bệnh, chữa bệnh", context.FacilityName is { Length: > 0 } name ? $"{name} ({visit.FacilityCode})" : visit.FacilityCode);
        general.Add("Họ và tên", context.PatientName);
        general.Add("Ngày sinh", BirthDate(context.BirthDate));
        general.Add("Mã đợt khám bệnh, chữa bệnh", visit.MaLk);
        general.Add("Hình thức khám bệnh, chữa bệnh", BookLabels.VisitType(visit.VisitType));
        general.Add("Thời gian vào", DateTime(visit.ArrivalTime));
        general.Add("Thời gian vào nội trú", DateTime(visit.InpatientAdmissionTime));
        general.Add("Thời gian ra", DateTime(visit.DischargeTime));
        general.Add("Số ngày điều trị", visit.TreatmentDays?.ToString(CultureInfo.InvariantCulture));
        general.Add("Lý do vào viện", visit.Reason);
        general.Add("Nhóm máu", visit.BloodGroup);
        general.Add("Cân nặng", visit.WeightKg is { } kg ? Number(kg) + " kg" : null);
        body.Add(new EpisodeDocumentSection(null, general.Items, null));

        var diagnoses = new Fields();
        diagnoses.Add("Chẩn đoán vào viện", visit.AdmissionDiagnosisText);
        diagnoses.Add("Chẩn đoán ra viện", visit.DischargeDiagnosisText);
        diagnoses.Add("Bệnh chính", visit.MainDiagnosis is { } main ? Diagnosis(main) : null);
        diagnoses.Add("Bệnh kèm theo", visit.SecondaryDiagnoses.Count == 0 ? null : string.Join("; ", visit.SecondaryDiagnoses.Select(Diagnosis)));
        diagnoses.Add("Bệnh theo y học cổ truyền", visit.TraditionalDiagnoses.Count == 0 ? null : string.Join("; ", visit.TraditionalDiagnoses));
        diagnoses.Add("Phẫu thuật, thủ thuật (ICD-9 CM)", visit.Procedures.Count == 0 ? null : string.Join("; ", visit.Procedures));
        diagnoses.Add("Kết quả điều trị", BookLabels.TreatmentResult(visit.TreatmentResult));
        diagnoses.Add("Tình trạng ra viện", BookLabels.DischargeType(visit.DischargeType));
        body.Add(new EpisodeDocumentSection("Chẩn đoán và kết quả điều trị", diagnoses.Items, null));

        if (visit.RecordSummary is { } x8)
        {
            var summary = new Fields();
            summary.Add("Quá trình bệnh lý và diễn biến lâm sàng", x8.DiseaseCourse);
            summary.Add("Tóm tắt kết quả cận lâm sàng", x8.KeyResults);
            summary.Add("Phương pháp điều trị", x8.TreatmentMethod);
            summary.Add("Ghi chú", x8.Notes);
            body.Add(new EpisodeDocumentSection("Tóm tắt hồ sơ bệnh án", summary.Items, null));
        }

        if (visit.Drugs.Count > 0)
        {
            body.Add(new EpisodeDocumentSection("Thuốc", [], new EpisodeDocumentTable(
                ["Tên thuốc", "Hàm lượng", "Liều dùng", "Cách dùng", "Số lượng", "Đơn vị", "Ngày chỉ định"],
                [.. visit.Drugs.Select(d => (IReadOnlyList<string>)[
                    d.Name ?? d.Code ?? string.Empty, d.Strength ?? string.Empty, d.Dosage ?? string.Empty, d.Usage ?? string.Empty,
                    d.Quantity is { } q ? Number(q) : string.Empty, d.Unit ?? string.Empty, DateTime(d.OrderedAt) ?? string.Empty])])));
        }

        if (visit.Services.Count > 0)
        {
            body.Add(new EpisodeDocumentSection("Dịch vụ kỹ thuật và vật tư y tế", [], new EpisodeDocumentTable(
                ["Tên dịch vụ", "Số lượng", "Đơn vị", "Thời gian thực hiện"],
                [.. visit.Services.Select(s => (IReadOnlyList<string>)[
                    s.Name ?? s.Code ?? string.Empty, s.Quantity is { } q ? Number(q) : string.Empty, s.Unit ?? string.Empty, DateTime(s.Time) ?? string.Empty])])));
        }

        if (visit.LabResults.Count > 0)
        {
            body.Add(new EpisodeDocumentSection("Kết quả cận lâm sàng", [], new EpisodeDocumentTable(
                ["Chỉ số", "Giá trị", "Đơn vị", "Mô tả", "Kết luận", "Thời gian có kết quả"],
                [.. visit.LabResults.Select(r => (IReadOnlyList<string>)[
                    r.IndexName ?? r.IndexCode ?? r.ServiceCode ?? string.Empty, r.Value ?? string.Empty, r.Unit ?? string.Empty,
                    r.Description ?? string.Empty, r.Conclusion ?? string.Empty, DateTime(r.ResultTime) ?? string.Empty])])));
        }

        if (visit.DischargePaper is { } x7)
        {
            var paper = new Fields();
            paper.Add("Số lưu trữ", x7.ArchiveNumber);
            paper.Add("Khoa ra viện", x7.DischargeDepartment);
            paper.Add("Chẩn đoán ra viện", x7.DischargeDiagnosis);
            paper.Add("Phương pháp điều trị", x7.TreatmentMethod);
            paper.Add("Số ngày nghỉ", x7.LeaveDays?.ToString(CultureInfo.InvariantCulture));
            paper.Add("Ghi chú", x7.Notes);
            paper.Add("Bác sĩ", x7.DoctorName);
            paper.Add("Ngày chứng từ", Date(x7.DocumentDate));
            body.Add(new EpisodeDocumentSection("Giấy ra viện", paper.Items, null));
        }

        if (visit.Referral is { } x13)
        {
            var referral = new Fields();
            referral.Add("Số chuyển tuyến", x13.ReferralNumber);
            referral.Add("Giấy chuyển tuyến", x13.PaperNumber);
            referral.Add("Nơi chuyển đi", x13.FromFacilityCode);
            referral.Add("Nơi chuyển đến", x13.ToFacilityCode);
            referral.Add("Hình thức", BookLabels.DischargeType(x13.DischargeType));
            referral.Add("Hướng điều trị", x13.TreatmentDirection);
            body.Add(new EpisodeDocumentSection("Giấy chuyển tuyến", referral.Items, null));
        }

        if (visit.ReExam is { } x14)
        {
            var reExam = new Fields();
            reExam.Add("Ngày hẹn khám lại", x14.Dates.Count == 0 ? null : string.Join("; ", x14.Dates.Select(d => DateTime(d))));
            reExam.Add("Nơi hẹn khám lại", x14.FacilityCode);
            reExam.Add("Số giấy hẹn", x14.AppointmentNumber);
            reExam.Add("Chẩn đoán", x14.Notes);
            body.Add(new EpisodeDocumentSection("Hẹn khám lại", reExam.Items, null));
        }

        if (visit.SickLeave is { } x11)
        {
            var leave = new Fields();
            leave.Add("Từ ngày", Date(x11.From));
            leave.Add("Đến ngày", Date(x11.To));
            leave.Add("Số ngày nghỉ", x11.Days?.ToString(CultureInfo.InvariantCulture));
            leave.Add("Số chứng từ", x11.CertificateNumber);
            leave.Add("Số seri", x11.Series);
            body.Add(new EpisodeDocumentSection("Giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội", leave.Items, null));
        }

        var footer = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Phiên bản hồ sơ: {visit.Version}"),
            "Tài liệu trích từ Sổ sức khỏe điện tử, dùng để người bệnh lưu giữ và xuất trình khi đi khám bệnh, chữa bệnh.",
        };
        if (context.PrintedAt is { } printed)
        {
            footer.Add("In lúc: " + DateTime(printed));
        }

        return new EpisodeDocumentSections(body, footer);
    }

    private static string Diagnosis(BookDiagnosis d) => d.Name is { Length: > 0 } n ? $"{d.Code} - {n}" : d.Code;

    /// <summary>dd/MM/yyyy HH:mm in Vietnam time.</summary>
    internal static string? DateTime(DateTimeOffset? value) =>
        value?.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string? Date(DateTimeOffset? value) =>
        value?.ToOffset(VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Vietnamese number style: comma as the decimal separator, no trailing zeros.</summary>
    private static string Number(decimal value) =>
        value.ToString("0.###", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>NGAY_SINH (yyyyMMdd[HHmm], zeros for unknown parts) as dd/MM/yyyy, MM/yyyy or yyyy; anything else as given.</summary>
    private static string? BirthDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        if (v.Length is not (8 or 12) || !v.All(char.IsAsciiDigit))
        {
            return v;
        }

        var (year, month, day) = (v[..4], v[4..6], v[6..8]);
        return month == "00" ? year : day == "00" ? $"{month}/{year}" : $"{day}/{month}/{year}";
    }

    private sealed class Fields
    {
        public List<(string Label, string Value)> Items { get; } = [];

        public void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                Items.Add((label, value));
            }
        }
    }
}
