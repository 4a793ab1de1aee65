using System.Globalization;

namespace SoSucKhoe.TestData.Tests;

public sealed class DossierStructureTests
{
    public static TheoryData<string> AllVisitTypes() => [.. VisitTypes.All];

    private static GeneratedDossier Create(string visitType, DossierOptions? options = null, SyntheticCitizen? citizen = null) =>
        new DossierFactory(Scenario.Seed).Create(
            citizen ?? Scenario.Insured, Scenario.FacilityFor(visitType), visitType, Scenario.Arrival, (options ?? DossierOptions.Default) with { Sign = false });

    [Theory]
    [MemberData(nameof(AllVisitTypes))]
    public void Tables_present_follow_the_visit_type(string visitType)
    {
        var dossier = Create(visitType, new DossierOptions { DrugRows = 2, ServiceRows = 3, LabResults = false });
        string[] expected = VisitTypes.IsInpatientStay(visitType)
            ? ["XML1", "XML2", "XML3", "XML5", "XML7", "XML8"]
            : ["XML1", "XML2", "XML3"];
        Assert.Equal(expected, dossier.TableTypes);
    }

    [Fact]
    public void Drug_and_service_tables_are_absent_without_rows()
    {
        var dossier = Create(VisitTypes.OutpatientExam, new DossierOptions { DrugRows = 0, ServiceRows = 0 });
        Assert.Equal(["XML1"], dossier.TableTypes);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    public void Row_counts_are_exactly_as_asked(int drugs, int services)
    {
        var dossier = Create(VisitTypes.Inpatient, new DossierOptions { DrugRows = drugs, ServiceRows = services, Sign = false });
        Assert.Equal(drugs, dossier.InnerTables.TryGetValue("XML2", out var xml2) ? Documents.Records("XML2", xml2).Count : 0);
        Assert.Equal(services, dossier.InnerTables.TryGetValue("XML3", out var xml3) ? Documents.Records("XML3", xml3).Count : 0);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Referral_paper_XML13_comes_only_with_discharge_types_2_and_5(int dischargeType, bool hasReferral)
    {
        var dossier = Create(VisitTypes.OutpatientExam, new DossierOptions { DischargeType = dischargeType });
        Assert.Equal(hasReferral, dossier.InnerTables.ContainsKey("XML13"));
        var xml1 = Documents.Records("XML1", dossier.InnerTables["XML1"])[0];
        Assert.Equal(dischargeType.ToString(CultureInfo.InvariantCulture), Documents.Value(xml1, "MA_LOAI_RV"));
        if (hasReferral)
        {
            // An episode of 2025 follows QĐ 3176, whose XML13 names the destination MA_CSKCB_DEN.
            var xml13 = Documents.Records("XML13", dossier.InnerTables["XML13"])[0];
            Assert.Equal("3176", dossier.Standard);
            Assert.Equal(Documents.Value(xml1, "MA_NOI_DEN"), Documents.Value(xml13, "MA_CSKCB_DEN"));
            Assert.Matches("^70[0-9]{3}$", Documents.Value(xml13, "MA_CSKCB_DEN"));
            Assert.Null(Documents.Value(xml13, "MA_NOI_DEN"));
        }
    }

    [Fact]
    public void Re_exam_booking_adds_XML14_and_NGAY_TAI_KHAM_after_discharge()
    {
        var booked = Create(VisitTypes.OutpatientExam, new DossierOptions { ReExamBooked = true });
        var notBooked = Create(VisitTypes.OutpatientExam, new DossierOptions { ReExamBooked = false });
        Assert.DoesNotContain("XML14", notBooked.TableTypes);
        Assert.Contains("XML14", booked.TableTypes);
        var xml1 = Documents.Records("XML1", booked.InnerTables["XML1"])[0];
        var xml14 = Documents.Records("XML14", booked.InnerTables["XML14"])[0];
        Assert.Matches("^[0-9]{8}$", Documents.Value(xml1, "NGAY_TAI_KHAM"));
        Assert.True(string.CompareOrdinal(Documents.Value(xml14, "NGAY_HEN_KL"), Documents.Value(xml1, "NGAY_RA")) >= 0);
        Assert.StartsWith(Documents.Value(xml1, "NGAY_TAI_KHAM")!, Documents.Value(xml14, "NGAY_HEN_KL"));
    }

    [Fact]
    public void Sick_leave_adds_XML11_with_its_days_and_form_CT07()
    {
        var dossier = Create(VisitTypes.Inpatient, new DossierOptions { SickLeave = true, SickLeaveDays = 10 });
        var xml11 = Documents.Records("XML11", dossier.InnerTables["XML11"])[0];
        Assert.Equal("10", Documents.Value(xml11, "SO_NGAY_NGHI"));
        Assert.Equal("CT07", Documents.Value(xml11, "MAU_SO"));
        var from = DateOnly.ParseExact(Documents.Value(xml11, "TU_NGAY")!, "yyyyMMdd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(Documents.Value(xml11, "DEN_NGAY")!, "yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal(9, to.DayNumber - from.DayNumber);
        Assert.DoesNotContain("XML11", Create(VisitTypes.Inpatient).TableTypes);
    }

    [Fact]
    public void Lab_results_XML4_describe_the_lab_rows_of_XML3()
    {
        var dossier = Create(VisitTypes.Inpatient, new DossierOptions { ServiceRows = 40, LabResults = true });
        var labCodes = Documents.Records("XML3", dossier.InnerTables["XML3"])
            .Where(r => Documents.Value(r, "MA_NHOM") == "1").Select(r => Documents.Value(r, "MA_DICH_VU")).ToHashSet();
        Assert.NotEmpty(labCodes);
        var results = Documents.Records("XML4", dossier.InnerTables["XML4"]);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains(Documents.Value(r, "MA_DICH_VU"), labCodes));
    }

    [Fact]
    public void Record_summary_XML8_can_be_required_for_every_visit()
    {
        var dossier = Create(VisitTypes.OutpatientExam, new DossierOptions { SummaryForEveryVisit = true });
        Assert.Contains("XML8", dossier.TableTypes);
    }

    [Theory]
    [MemberData(nameof(AllVisitTypes))]
    public void One_MA_LK_and_one_MA_CSKCB_across_envelope_and_tables(string visitType)
    {
        var dossier = Create(visitType, new DossierOptions { ReExamBooked = true, SickLeave = true, DischargeType = 2, LabResults = true });
        var envelope = Documents.Parse(dossier.Payload).Root!;
        Assert.Equal(dossier.FacilityCode, envelope.Element("THONGTINDONVI")!.Element("MACSKCB")!.Value);
        foreach (var (type, content) in Documents.EnvelopeTables(dossier.Payload))
        {
            foreach (var record in Documents.Records(type, content))
            {
                Assert.Equal(dossier.MaLk, Documents.Value(record, "MA_LK"));
                if (record.Element("MA_CSKCB") is { } code)
                {
                    Assert.Equal(dossier.FacilityCode, code.Value);
                }
            }
        }
    }

    [Fact]
    public void Envelope_has_the_national_shape_and_never_carries_XML12()
    {
        var dossier = Create(VisitTypes.Inpatient, new DossierOptions { ReExamBooked = true, SickLeave = true, DischargeType = 5 });
        var root = Documents.Parse(dossier.Payload).Root!;
        Assert.Equal("GIAMDINHHS", root.Name.LocalName);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><GIAMDINHHS>", Encoding.UTF8.GetString(dossier.Unsigned));
        var info = root.Element("THONGTINHOSO")!;
        Assert.Matches("^[0-9]{8}$", info.Element("NGAYLAP")!.Value);
        Assert.Equal("1", info.Element("SOLUONGHOSO")!.Value);
        Assert.Single(info.Element("DANHSACHHOSO")!.Elements("HOSO"));
        Assert.Equal(["THONGTINDONVI", "THONGTINHOSO", "CHUKYDONVI"], root.Elements().Select(e => e.Name.LocalName));
        var types = Documents.EnvelopeTables(dossier.Payload).Select(t => t.Type).ToList();
        Assert.Equal(dossier.TableTypes, types);
        Assert.DoesNotContain("XML12", types);
        Assert.DoesNotContain("XML6", types);
    }

    [Theory]
    [MemberData(nameof(AllVisitTypes))]
    public void Discharge_is_not_before_arrival_and_treatment_days_follow_the_visit_type(string visitType)
    {
        var dossier = Create(visitType);
        var xml1 = Documents.Records("XML1", dossier.InnerTables["XML1"])[0];
        var vao = Documents.Value(xml1, "NGAY_VAO")!;
        var ra = Documents.Value(xml1, "NGAY_RA")!;
        Assert.True(string.CompareOrdinal(ra, vao) >= 0);
        if (Documents.Value(xml1, "NGAY_VAO_NOI_TRU") is { Length: > 0 } noiTru)
        {
            Assert.True(string.CompareOrdinal(noiTru, vao) >= 0);
            Assert.NotEmpty(Documents.Value(xml1, "LY_DO_VNT")!);
        }

        var days = int.Parse(Documents.Value(xml1, "SO_NGAY_DTRI")!, CultureInfo.InvariantCulture);
        var span = DateOnly.ParseExact(ra[..8], "yyyyMMdd", CultureInfo.InvariantCulture).DayNumber
                   - DateOnly.ParseExact(vao[..8], "yyyyMMdd", CultureInfo.InvariantCulture).DayNumber + 1;
        switch (visitType)
        {
            case "01" or "07" or "09":
                Assert.Equal(0, days);
                break;
            case "02" or "03" or "04" or "06":
                Assert.Equal(span, days);
                break;
            default:
                Assert.True(days >= 0);
                break;
        }
    }

    [Fact]
    public void Long_inpatient_stay_spans_the_requested_days_with_a_progress_note_per_day()
    {
        var dossier = Create(VisitTypes.Inpatient, new DossierOptions { LengthOfStayDays = 120, ServiceRows = 200 });
        Assert.InRange(dossier.Summary.TreatmentDays, 120, 122);
        Assert.Equal(dossier.Summary.TreatmentDays, Documents.Records("XML5", dossier.InnerTables["XML5"]).Count);
        Assert.True((dossier.Summary.Discharge - dossier.Summary.Arrival).TotalDays >= 119);
    }

    [Theory]
    [MemberData(nameof(AllVisitTypes))]
    public void Totals_in_XML1_equal_the_sums_of_the_rows(string visitType)
    {
        foreach (var citizen in new[] { Scenario.Insured, Scenario.Uninsured })
        {
            var dossier = Create(visitType, new DossierOptions { DrugRows = 7, ServiceRows = 9 }, citizen);
            var xml1 = Documents.Records("XML1", dossier.InnerTables["XML1"])[0];
            var rows = Documents.Records("XML2", dossier.InnerTables["XML2"]).Concat(Documents.Records("XML3", dossier.InnerTables["XML3"])).ToList();
            decimal Sum(IEnumerable<XElement> records, string field) =>
                records.Sum(r => decimal.Parse(Documents.Value(r, field)!, CultureInfo.InvariantCulture));
            decimal Total(string field) => decimal.Parse(Documents.Value(xml1, field)!, CultureInfo.InvariantCulture);

            Assert.Equal(Sum(rows, "THANH_TIEN_BV"), Total("T_TONGCHI_BV"));
            Assert.Equal(Sum(rows, "THANH_TIEN_BH"), Total("T_TONGCHI_BH"));
            Assert.Equal(Sum(rows, "T_BHTT"), Total("T_BHTT"));
            Assert.Equal(Sum(rows, "T_BNCCT"), Total("T_BNCCT"));
            Assert.Equal(Sum(rows, "T_BNTT"), Total("T_BNTT"));
            Assert.Equal(Sum(Documents.Records("XML2", dossier.InnerTables["XML2"]), "THANH_TIEN_BV"), Total("T_THUOC"));
            Assert.Equal(Total("T_TONGCHI_BV"), Total("T_BHTT") + Total("T_BNCCT") + Total("T_BNTT") + Total("T_NGUONKHAC"));
            if (!citizen.IsInsured)
            {
                Assert.Equal(0m, Total("T_BHTT"));
                Assert.Empty(Documents.Value(xml1, "MA_THE_BHYT")!);
            }
        }
    }

    [Fact]
    public void Payment_time_is_filled_only_when_known()
    {
        var known = Documents.Records("XML1", Create("01", new DossierOptions { PaymentTimeKnown = true }).InnerTables["XML1"])[0];
        var unknown = Documents.Records("XML1", Create("01", new DossierOptions { PaymentTimeKnown = false }).InnerTables["XML1"])[0];
        Assert.Matches("^[0-9]{12}$", Documents.Value(known, "NGAY_TTOAN"));
        Assert.True(string.CompareOrdinal(Documents.Value(known, "NGAY_TTOAN"), Documents.Value(known, "NGAY_RA")) >= 0);
        Assert.Equal(string.Empty, Documents.Value(unknown, "NGAY_TTOAN"));
    }

    [Fact]
    public void Diagnoses_come_from_the_callers_list_in_dotted_and_undotted_forms()
    {
        var factory = new DossierFactory(Scenario.Seed);
        var options = new DossierOptions { DiagnosisCodes = ["J18.9", "I10"] };
        var mains = Enumerable.Range(0, 40)
            .Select(i => factory.Create(Scenario.Insured, Scenario.Hospital, "01", Scenario.Arrival.AddMinutes(i), options with { Sign = false }))
            .Select(d => Documents.Value(Documents.Records("XML1", d.InnerTables["XML1"])[0], "MA_BENH_CHINH"))
            .ToHashSet();
        Assert.Subset(new HashSet<string?> { "J18.9", "J189", "I10" }, mains);
        Assert.Contains("J18.9", mains);
        Assert.Contains("J189", mains);
    }

    [Fact]
    public void Built_in_diagnosis_list_holds_common_codes()
    {
        Assert.Contains("J06.9", DiagnosisCodes.Common);
        Assert.Contains("S52.5", DiagnosisCodes.Common);
        Assert.Equal("J069", DiagnosisCodes.Undotted("J06.9"));
        Assert.Equal("J06.9", DiagnosisCodes.Dotted("J069"));
        Assert.Equal("I10", DiagnosisCodes.Dotted("I10"));
    }

    [Fact]
    public void Check_in_XML0_belongs_to_the_same_episode_and_carries_the_first_item()
    {
        var episode = new DossierFactory(Scenario.Seed).CreateEpisode(Scenario.Insured, Scenario.Hospital, "03", Scenario.Arrival, new DossierOptions { Sign = false });
        var doc = Documents.Parse(episode.CheckIn.Payload);
        Assert.Equal("CHI_TIEU_TRANG_THAI_KCB", doc.Root!.Name.LocalName);
        Assert.Equal(["DSACH_TRANG_THAI_KCB", "CHUKYDONVI"], doc.Root.Elements().Select(e => e.Name.LocalName));
        var row = Assert.Single(Documents.Records("XML0", episode.CheckIn.Unsigned));
        var xml1 = Documents.Records("XML1", episode.Dossier.InnerTables["XML1"])[0];
        Assert.Equal(episode.Dossier.MaLk, Documents.Value(row, "MA_LK"));
        foreach (var field in new[] { "MA_BN", "HO_TEN", "SO_CCCD", "NGAY_SINH", "GIOI_TINH", "MA_THE_BHYT", "NGAY_VAO", "NGAY_VAO_NOI_TRU", "MA_LOAI_KCB", "MA_CSKCB", "MA_DOITUONG_KCB" })
        {
            Assert.Equal(Documents.Value(xml1, field), Documents.Value(row, field));
        }

        Assert.NotEmpty(Documents.Value(row, "MA_DICH_VU")!);
    }
}
