using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Book.Tests;

public sealed class ProjectionTests
{
    private static readonly DateTimeOffset Arrival = Samples.At(2025, 3, 10, 8, 15);

    [Fact]
    public void Xml1_gives_the_visit_facility_times_type_reason_diagnoses_result_and_weight()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { TreatmentResult = 2, DischargeType = 4 });
        var summary = Samples.Read(generated).Summary!;

        var visit = BookProjector.ProjectVisit(Samples.Read(generated), "hash-1", 3, icd: null);

        Assert.Equal(generated.FacilityCode, visit.FacilityCode);
        Assert.Equal(generated.MaLk, visit.MaLk);
        Assert.Equal(3, visit.Version);
        Assert.Equal("hash-1", visit.ContentHash);
        Assert.Equal(Arrival, visit.ArrivalTime);
        Assert.Equal(generated.Summary.Discharge, visit.DischargeTime);
        Assert.Equal("01", visit.VisitType);
        Assert.Equal(summary.LyDoVv, visit.Reason);
        Assert.StartsWith("Đến khám vì", visit.Reason);
        Assert.Equal(generated.Summary.MainDiagnosis, visit.MainDiagnosis!.Code);
        Assert.Equal(generated.Summary.SecondaryDiagnoses, visit.SecondaryDiagnoses.Select(d => d.Code));
        Assert.Equal("2", visit.TreatmentResult);
        Assert.Equal("4", visit.DischargeType);
        Assert.Equal(Samples.Citizen.WeightKg, visit.WeightKg);
        Assert.Equal($"{generated.FacilityCode}:{generated.MaLk}", visit.DossierId);
    }

    [Fact]
    public void Diagnoses_carry_their_names_from_the_ministry_icd10_catalogue_when_one_is_loaded()
    {
        var icd = ReferenceData.Icd10;
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival,
            new DossierOptions { DiagnosisCodes = ["J18.9", "I10", "E11.9", "K29.7"], DottedDiagnosisCodes = false });

        var named = Samples.Visit(generated, icd: icd);
        var unnamed = Samples.Visit(generated, icd: null);

        Assert.True(icd.TryGetName(named.MainDiagnosis!.Code, out var expected));
        Assert.Equal(expected, named.MainDiagnosis.Name);
        Assert.False(string.IsNullOrWhiteSpace(named.MainDiagnosis.Name));
        Assert.DoesNotContain('.', named.MainDiagnosis.Code); // the code stays as the facility sent it
        Assert.All(named.SecondaryDiagnoses, d =>
        {
            Assert.True(icd.TryGetName(d.Code, out var name));
            Assert.Equal(name, d.Name);
        });
        Assert.Null(unnamed.MainDiagnosis!.Name);
        Assert.All(unnamed.SecondaryDiagnoses, d => Assert.Null(d.Name));
    }

    [Fact]
    public void A_code_the_catalogue_does_not_know_keeps_its_code_and_has_no_name()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival).WithField("XML1", "MA_BENH_CHINH", "U99.9");

        var visit = Samples.Visit(generated, icd: ReferenceData.Icd10);

        Assert.Equal("U99.9", visit.MainDiagnosis!.Code);
        Assert.Null(visit.MainDiagnosis.Name);
    }

    [Fact]
    public void Xml2_rows_become_drugs_with_name_strength_route_dosage_quantity_unit_and_times()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { DrugRows = 4 });
        var rows = Samples.Read(generated).Drugs;

        var visit = Samples.Visit(generated);

        Assert.Equal(4, visit.Drugs.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (drug, row) = (visit.Drugs[i], rows[i]);
            Assert.Equal(row.MaThuoc, drug.Code);
            Assert.Equal(row.TenThuoc, drug.Name);
            Assert.Equal(row.HamLuong, drug.Strength);
            Assert.Equal(row.DuongDung, drug.Route);
            Assert.Equal(row.LieuDung, drug.Dosage);
            Assert.Equal("Sau ăn", drug.Usage);
            Assert.Equal(row.SoLuong, drug.Quantity);
            Assert.Equal(row.DonViTinh, drug.Unit);
            Assert.Equal(row.NgayYl!.Value.Value, drug.OrderedAt);
            Assert.NotNull(drug.Name);
        }
    }

    [Fact]
    public void Xml3_rows_become_services_and_supplies_with_code_name_quantity_and_time()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { ServiceRows = 12 });
        var rows = Samples.Read(generated).Services;

        var visit = Samples.Visit(generated);

        Assert.Equal(12, visit.Services.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (service, row) = (visit.Services[i], rows[i]);
            Assert.Equal(row.MaDichVu ?? row.MaVatTu, service.Code);
            Assert.Equal(row.TenDichVu ?? row.TenVatTu, service.Name);
            Assert.Equal(row.MaDichVu is null, service.IsSupply);
            Assert.Equal(row.SoLuong, service.Quantity);
            Assert.Equal((row.NgayThYl ?? row.NgayYl)?.Value, service.Time);
            Assert.NotNull(service.Name);
        }
    }

    [Fact]
    public void Procedures_are_the_icd9_codes_of_xml1_MA_PTTT_QT_and_of_the_xml3_rows_without_repeats()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { ServiceRows = 3 })
            .Mutate()
            .WithField("XML1", "MA_PTTT_QT", "47.01;86.59")
            .WithField("XML3", "MA_PTTT_QT", "86.59", row: 0)
            .WithField("XML3", "MA_PTTT_QT", "93.39", row: 1)
            .Build();

        var visit = Samples.Visit(generated);

        Assert.Equal(new[] { "47.01", "86.59", "93.39" }, visit.Procedures);
        Assert.Equal("86.59", visit.Services[0].ProcedureCode);
    }

    [Fact]
    public void Xml4_rows_become_lab_results_with_index_value_unit_conclusion_and_time()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { ServiceRows = 30, LabResults = true });
        Assert.True(generated.Summary.LabResultRows > 0, "the generated episode should have lab results");
        var rows = Samples.Read(generated).ClinicalTests;

        var visit = Samples.Visit(generated);

        Assert.Equal(generated.Summary.LabResultRows, visit.LabResults.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (lab, row) = (visit.LabResults[i], rows[i]);
            Assert.Equal(row.MaDichVu, lab.ServiceCode);
            Assert.Equal(row.MaChiSo, lab.IndexCode);
            Assert.Equal(row.TenChiSo, lab.IndexName);
            Assert.Equal(row.GiaTri, lab.Value);
            Assert.Equal(row.DonViDo, lab.Unit);
            Assert.Equal(row.KetLuan, lab.Conclusion);
            Assert.Equal(row.NgayKq?.Value, lab.ResultTime);
            Assert.NotNull(lab.Value);
        }
    }

    [Fact]
    public void An_inpatient_stay_carries_the_record_summary_xml8_and_the_discharge_paper_xml7()
    {
        var generated = Samples.Generate(VisitTypes.Inpatient, Arrival, new DossierOptions { LengthOfStayDays = 4 });
        Assert.Contains("XML5", generated.TableTypes);
        var dossier = Samples.Read(generated);

        var visit = Samples.Visit(generated);

        Assert.Equal("03", visit.VisitType);
        Assert.NotNull(visit.InpatientAdmissionTime);
        var x8 = Assert.IsType<BookRecordSummary>(visit.RecordSummary);
        Assert.Equal(dossier.RecordSummary!.QtBenhLy, x8.DiseaseCourse);
        Assert.Equal(dossier.RecordSummary.TomTatKq, x8.KeyResults);
        Assert.Equal(dossier.RecordSummary.PpDieuTri, x8.TreatmentMethod);
        Assert.Equal(dossier.RecordSummary.ChanDoanRv, x8.DischargeDiagnosis);
        Assert.NotNull(x8.DiseaseCourse);
        var x7 = Assert.IsType<BookDischargePaper>(visit.DischargePaper);
        Assert.Equal(dossier.Discharge!.SoLuuTru, x7.ArchiveNumber);
        Assert.Equal(generated.Summary.Discharge, x7.DischargeTime);
        Assert.NotNull(x7.DoctorName);
        Assert.Null(visit.Referral);
        Assert.Null(visit.ReExam);
        Assert.Null(visit.SickLeave);
    }

    [Fact]
    public void An_outpatient_exam_has_no_inpatient_papers()
    {
        var visit = Samples.Visit(Samples.Generate(VisitTypes.OutpatientExam, Arrival));

        Assert.Null(visit.RecordSummary);
        Assert.Null(visit.DischargePaper);
        Assert.Null(visit.InpatientAdmissionTime);
    }

    [Fact]
    public void A_professional_referral_MA_LOAI_RV_2_carries_the_referral_paper_xml13()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { DischargeType = 2, ReferralDestination = "70099" });
        Assert.Contains("XML13", generated.TableTypes);

        var visit = Samples.Visit(generated);

        var referral = Assert.IsType<BookReferral>(visit.Referral);
        Assert.Equal("70099", referral.ToFacilityCode);
        Assert.Equal(generated.FacilityCode, referral.FromFacilityCode);
        Assert.Equal("2", referral.DischargeType);
        Assert.Equal("2", visit.DischargeType);
        Assert.StartsWith("CT", referral.ReferralNumber);
        Assert.Equal("Tiếp tục điều trị tại tuyến trên", referral.TreatmentDirection);
    }

    [Fact]
    public void A_booked_re_exam_carries_the_appointment_xml14_with_its_date_and_facility()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { ReExamBooked = true });
        var expectedDate = generated.Summary.ReExamDate!.Value;

        var visit = Samples.Visit(generated);

        var reExam = Assert.IsType<BookReExam>(visit.ReExam);
        Assert.Equal("XML14", reExam.Source);
        var date = Assert.Single(reExam.Dates);
        Assert.Equal(expectedDate, DateOnly.FromDateTime(date.ToOffset(Samples.Vietnam).DateTime));
        // An episode of 2025 follows QĐ 3176, whose NGAY_HEN_KL is a day without a time.
        Assert.Equal(TimeSpan.Zero, date.ToOffset(Samples.Vietnam).TimeOfDay);
        Assert.Equal(generated.FacilityCode, reExam.FacilityCode);
        Assert.StartsWith("GH", reExam.AppointmentNumber);
    }

    [Fact]
    public void Re_exam_dates_of_xml1_NGAY_TAI_KHAM_on_other_days_are_added_and_alone_still_make_an_appointment()
    {
        var booked = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { ReExamBooked = true });
        var day = booked.Summary.ReExamDate!.Value;
        var extra = day.AddDays(14).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var twoDays = booked.WithField("XML1", "NGAY_TAI_KHAM", $"{day:yyyyMMdd};{extra}");
        var xml1Only = booked.WithoutTable("XML14");

        var both = Samples.Visit(twoDays).ReExam!;
        var alone = Samples.Visit(xml1Only).ReExam!;

        Assert.Equal(new[] { day, day.AddDays(14) }, both.Dates.Select(d => DateOnly.FromDateTime(d.ToOffset(Samples.Vietnam).DateTime)));
        Assert.Equal("XML1", alone.Source);
        Assert.Equal(day, DateOnly.FromDateTime(Assert.Single(alone.Dates).DateTime));
        Assert.Equal(booked.FacilityCode, alone.FacilityCode);
    }

    [Fact]
    public void A_sick_leave_certificate_xml11_gives_from_to_and_days()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { SickLeave = true, SickLeaveDays = 5 });
        Assert.Contains("XML11", generated.TableTypes);

        var leave = Assert.IsType<BookSickLeave>(Samples.Visit(generated).SickLeave);

        Assert.Equal(5, leave.Days);
        Assert.Equal(leave.From!.Value.AddDays(4), leave.To);
        Assert.NotNull(leave.CertificateNumber);
    }

    [Fact]
    public void The_administrative_projection_states_xml1_identity_address_and_cards_with_the_given_provenance()
    {
        var citizen = Samples.Citizen;
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival);
        var asOf = Samples.At(2025, 3, 11, 9, 0);

        var admin = BookProjector.ProjectAdministrative(Samples.Read(generated), "70001:LK-1", asOf);

        Assert.Equal("70001:LK-1", admin.DossierId);
        Assert.Equal(asOf, admin.AsOf);
        Assert.Equal(citizen.FullName, admin.FullName);
        Assert.Equal(citizen.BirthDate.ToYyyyMmDdHhMm(), admin.BirthDate);
        Assert.Equal(((int)citizen.Sex).ToString(System.Globalization.CultureInfo.InvariantCulture), admin.Sex);
        Assert.Equal(citizen.EthnicityCode, admin.Ethnicity);
        Assert.Equal(citizen.NationalityCode, admin.Nationality);
        // QĐ 3176 (episodes from 01/01/2025) keeps the level-2 occupation code.
        Assert.Equal(citizen.OccupationCode[..2], admin.Occupation);
        Assert.Equal(citizen.PersonalId, admin.PersonalId);
        Assert.Equal(citizen.ProvinceCode, admin.ProvinceCode);
        Assert.Equal(citizen.DistrictCode, admin.DistrictCode);
        Assert.Equal(citizen.CommuneCode, admin.CommuneCode);
        Assert.Equal(citizen.Card!.RegisteredFacilityCode, admin.RegisteredFacility);
        var card = Assert.Single(admin.Cards);
        Assert.Equal(citizen.Card.Number, card.Number);
        Assert.Equal(citizen.Card.RegisteredFacilityCode, card.RegisteredFacilityCode);
        Assert.NotNull(card.ValidFrom);
        Assert.True(card.ValidTo > card.ValidFrom);
        Assert.Equal("70001:LK-1", card.SourceDossierId);
    }

    [Fact]
    public void Several_cards_in_one_dossier_keep_their_own_validity_and_registered_facility()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival)
            .Mutate()
            .WithField("XML1", "MA_THE_BHYT", "HN4701234567890;DN4700987654321")
            .WithField("XML1", "GT_THE_TU", "20250101;20250301")
            .WithField("XML1", "GT_THE_DEN", "20250228;20251231")
            .WithField("XML1", "MA_DKBD", "70001;70002")
            .Build();

        var cards = BookProjector.ProjectAdministrative(Samples.Read(generated), "d", Arrival).Cards;

        Assert.Equal(2, cards.Count);
        Assert.Equal(new BookCard("HN4701234567890", new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28), "70001", "d", Arrival), cards[0]);
        Assert.Equal(new BookCard("DN4700987654321", new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31), "70002", "d", Arrival), cards[1]);
    }

    [Fact]
    public void A_dossier_without_xml1_cannot_be_projected()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Arrival, new DossierOptions { DrugRows = 2 }).WithoutTable("XML1");
        Dossier dossier = Samples.Read(generated);

        Assert.Throws<ArgumentException>(() => BookProjector.ProjectVisit(dossier, "h", 1, null));
        Assert.Throws<ArgumentException>(() => BookProjector.ProjectAdministrative(dossier, "d", Arrival));
    }
}
