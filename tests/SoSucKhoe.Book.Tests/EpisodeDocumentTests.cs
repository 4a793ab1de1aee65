namespace SoSucKhoe.Book.Tests;

public sealed class EpisodeDocumentTests
{
    private static BookVisit InpatientVisit(int treatmentResult = 1, int dischargeType = 1) =>
        Samples.Visit(
            Samples.Generate(VisitTypes.Inpatient, Samples.At(2025, 3, 10, 8, 15),
                new DossierOptions
                {
                    DrugRows = 3,
                    ServiceRows = 30,
                    LabResults = true,
                    TreatmentResult = treatmentResult,
                    DischargeType = dischargeType,
                    ReExamBooked = true,
                    DiagnosisCodes = ["J18.9", "I10"],
                }),
            icd: ReferenceData.Icd10);

    [Fact]
    public void The_html_page_has_the_title_facility_vietnam_times_named_diagnoses_labels_and_every_part_of_the_visit()
    {
        var visit = InpatientVisit(treatmentResult: 2, dischargeType: 2);

        var html = EpisodeDocument.RenderHtml(visit, new EpisodeDocumentContext(FacilityName: "Bệnh viện Đa khoa tỉnh", PatientName: "Nguyễn Văn A", BirthDate: "198503000000"));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("<h1>Tóm tắt đợt khám bệnh, chữa bệnh</h1>", html);
        Assert.Contains($"Bệnh viện Đa khoa tỉnh ({visit.FacilityCode})", html);
        Assert.Contains("Nguyễn Văn A", html);
        Assert.Contains("03/1985", html);
        Assert.Contains("10/03/2025 08:15", html);
        Assert.Contains("Điều trị nội trú", html);
        Assert.Contains($"{visit.MainDiagnosis!.Code} - {visit.MainDiagnosis.Name}", html);
        Assert.Contains("Đỡ", html);
        Assert.Contains("Chuyển tuyến theo yêu cầu chuyên môn", html);
        Assert.Contains("Giấy ra viện", html);
        Assert.Contains("Tóm tắt hồ sơ bệnh án", html);
        Assert.Contains("Giấy chuyển tuyến", html);
        Assert.Contains("Hẹn khám lại", html);
        Assert.Contains(EpisodeDocument.Encode(visit.Drugs[0].Name), html);
        Assert.Contains(EpisodeDocument.Encode(visit.Services[0].Name), html);
        Assert.NotEmpty(visit.LabResults);
        Assert.Contains(EpisodeDocument.Encode(visit.LabResults[0].IndexName), html);
        Assert.Contains(visit.ReExam!.Dates[0].ToOffset(Samples.Vietnam).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), html);
    }

    [Fact]
    public void Times_are_printed_in_vietnam_time_whatever_the_offset_of_the_instant()
    {
        var visit = InpatientVisit() with { ArrivalTime = new DateTimeOffset(2025, 3, 9, 23, 45, 0, TimeSpan.Zero), DischargeTime = null };

        var html = EpisodeDocument.RenderHtml(visit);

        Assert.Contains("10/03/2025 06:45", html);
        Assert.DoesNotContain("09/03/2025 23:45", html);
    }

    [Theory]
    [InlineData(1, "Khỏi")]
    [InlineData(2, "Đỡ")]
    [InlineData(3, "Không thay đổi")]
    [InlineData(4, "Nặng hơn")]
    [InlineData(5, "Tử vong")]
    [InlineData(6, "Tiên lượng nặng xin về")]
    [InlineData(7, "Chưa xác định")]
    [InlineData(8, "Tử vong ngoại viện")]
    public void Every_treatment_result_has_its_vietnamese_label(int code, string label)
    {
        var visit = InpatientVisit() with { TreatmentResult = code.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(label, BookLabels.TreatmentResult(visit.TreatmentResult));
        Assert.Contains($"<dt>Kết quả điều trị</dt><dd>{label}</dd>", EpisodeDocument.RenderHtml(visit));
        Assert.Contains($"Kết quả điều trị: {label}\n", EpisodeDocument.RenderText(visit));
    }

    [Theory]
    [InlineData(1, "Ra viện")]
    [InlineData(2, "Chuyển tuyến theo yêu cầu chuyên môn")]
    [InlineData(3, "Trốn viện")]
    [InlineData(4, "Xin ra viện")]
    [InlineData(5, "Chuyển tuyến theo yêu cầu người bệnh")]
    public void Every_discharge_type_has_its_vietnamese_label(int code, string label)
    {
        var visit = InpatientVisit() with { DischargeType = code.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(label, BookLabels.DischargeType(visit.DischargeType));
        Assert.Contains($"<dt>Tình trạng ra viện</dt><dd>{label}</dd>", EpisodeDocument.RenderHtml(visit));
        Assert.Contains($"Tình trạng ra viện: {label}\n", EpisodeDocument.RenderText(visit));
    }

    [Fact]
    public void An_unknown_code_is_shown_as_a_code_not_as_a_wrong_label()
    {
        Assert.Equal("Mã 9", BookLabels.TreatmentResult("9"));
        Assert.Equal("Mã 7", BookLabels.DischargeType("7"));
        Assert.Equal("Điều trị nội trú", BookLabels.VisitType("3"));
        Assert.Null(BookLabels.DischargeType(" "));
    }

    [Fact]
    public void Every_value_is_html_encoded_so_that_no_markup_from_a_dossier_reaches_the_page()
    {
        const string hostile = "<script>alert('x')</script> & \"Bác sĩ\"";
        var visit = InpatientVisit() with
        {
            Reason = hostile,
            MainDiagnosis = new BookDiagnosis("J18.9", "<b>Viêm phổi</b>"),
            Drugs = [new BookDrug("D1", "<img src=x onerror=alert(1)>", null, null, "1 viên x 2", null, 2m, "Viên", null, null)],
            MaLk = "LK</title><script>",
        };

        var html = EpisodeDocument.RenderHtml(visit, new EpisodeDocumentContext(FacilityName: "<i>BV</i>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<i>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bác sĩ&quot;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("J18.9 - &lt;b&gt;Viêm phổi&lt;/b&gt;", html);
        Assert.Contains("LK&lt;/title&gt;&lt;script&gt;", html);
    }

    [Fact]
    public void The_page_is_self_contained_without_scripts_or_external_resources()
    {
        var html = EpisodeDocument.RenderHtml(InpatientVisit());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void The_plain_text_variant_has_the_same_content_without_markup()
    {
        var visit = InpatientVisit(treatmentResult: 1, dischargeType: 1) with { Reason = "Sốt <39 độ>\nho" };

        var text = EpisodeDocument.RenderText(visit);

        Assert.StartsWith("TÓM TẮT ĐỢT KHÁM BỆNH, CHỮA BỆNH\n", text);
        Assert.Contains($"Cơ sở khám bệnh, chữa bệnh: {visit.FacilityCode}\n", text);
        Assert.Contains("Thời gian vào: 10/03/2025 08:15\n", text);
        Assert.Contains("Lý do vào viện: Sốt <39 độ> ho\n", text);
        Assert.Contains("Kết quả điều trị: Khỏi\n", text);
        Assert.Contains("Tình trạng ra viện: Ra viện\n", text);
        Assert.Contains($"1. Tên thuốc: {visit.Drugs[0].Name}", text);
        Assert.DoesNotContain("<dd>", text);
        Assert.DoesNotContain("&lt;", text);
    }
}
