namespace SoSucKhoe.Book.Tests;

public sealed class HealthBookBuilderTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void A_correction_replaces_the_earlier_version_in_the_book_and_keeps_it_in_history()
    {
        var v1 = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 3, 1), new DossierOptions { DiagnosisCodes = ["J18.9"] })
            .WithField("XML1", "MA_BENH_KT", "");
        var v2 = v1.WithField("XML1", "MA_BENH_CHINH", "I10");
        var entries = new[]
        {
            Samples.Entry(v2, 2, Samples.At(2025, 3, 5), icd: ReferenceData.Icd10),
            Samples.Entry(v1, 1, Samples.At(2025, 3, 2), icd: ReferenceData.Icd10),
        };

        var book = HealthBookBuilder.Build(entries, Today);

        var visit = Assert.Single(book.Visits);
        Assert.Equal(2, visit.Version);
        Assert.Equal(Samples.Hash(v2), visit.ContentHash);
        Assert.Equal("I10", visit.MainDiagnosis!.Code);
        var old = Assert.Single(book.Superseded);
        Assert.Equal((v1.FacilityCode, v1.MaLk, 1, 2), (old.FacilityCode, old.MaLk, old.Version, old.ReplacedByVersion));
        Assert.Equal(Samples.Hash(v1), old.ContentHash);
        Assert.Equal(1, book.SupersededCount);
        Assert.Equal(0, book.CancelledCount);
        Assert.Equal(["I10"], book.History.Select(h => h.Code));
    }

    [Fact]
    public void A_repeated_version_counts_once()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 3, 1));

        var book = HealthBookBuilder.Build(
            [Samples.Entry(generated, 1, Samples.At(2025, 3, 2)), Samples.Entry(generated, 1, Samples.At(2025, 3, 3))], Today);

        Assert.Single(book.Visits);
        Assert.Empty(book.Superseded);
    }

    [Fact]
    public void A_cancelled_episode_leaves_the_book_with_its_diagnoses_appointments_and_administrative_facts_and_stays_in_history()
    {
        var kept = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 2, 1), new DossierOptions { DiagnosisCodes = ["K29.7"] }, facility: 0, sequence: 1)
            .WithField("XML1", "MA_BENH_KT", "");
        var wrong = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 5, 20), new DossierOptions { DiagnosisCodes = ["S52.5"], ReExamBooked = true }, facility: 1, sequence: 2)
            .WithField("XML1", "MA_BENH_KT", "")
            .WithField("XML1", "HO_TEN", "Người Nhập Nhầm");
        var entries = new[]
        {
            Samples.Entry(kept, 1, Samples.At(2025, 2, 2)),
            Samples.Entry(wrong, 1, Samples.At(2025, 5, 21)),
            Samples.Entry(wrong, 2, Samples.At(2025, 5, 22), cancelled: true),
        };

        var book = HealthBookBuilder.Build(entries, Today);

        Assert.Equal(kept.MaLk, Assert.Single(book.Visits).MaLk);
        var cancelled = Assert.Single(book.Cancelled);
        Assert.Equal((wrong.FacilityCode, wrong.MaLk, 2), (cancelled.FacilityCode, cancelled.MaLk, cancelled.Version));
        Assert.Null(cancelled.ReplacedByVersion);
        Assert.Equal(1, book.CancelledCount);
        Assert.Equal(1, Assert.Single(book.Superseded).Version); // the cancelled episode's earlier version stays in history too
        Assert.Equal(["K29.7"], book.History.Select(h => h.Code));
        Assert.Empty(book.UpcomingReExams);
        Assert.Equal(Samples.Citizen.FullName, book.Administrative.FullName.Value);
    }

    [Fact]
    public void A_version_sent_after_a_cancelled_one_brings_the_episode_back()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 3, 1));

        var book = HealthBookBuilder.Build(
            [Samples.Entry(generated, 1, Samples.At(2025, 3, 2), cancelled: true), Samples.Entry(generated.WithField("XML1", "LY_DO_VV", "Gửi lại"), 2, Samples.At(2025, 3, 4))],
            Today);

        Assert.Equal(2, Assert.Single(book.Visits).Version);
        Assert.Empty(book.Cancelled);
        Assert.Equal(1, Assert.Single(book.Superseded).Version);
    }

    [Fact]
    public void Visits_from_several_facilities_are_ordered_by_arrival_whatever_order_their_dossiers_came_in()
    {
        var march = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 3, 1, 9), facility: 2, sequence: 11);
        var januaryB = Samples.Generate(VisitTypes.Inpatient, Samples.At(2025, 1, 15, 7, 30), facility: 1, sequence: 12);
        var januaryA = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 1, 15, 7, 30), facility: 0, sequence: 13);
        var february = Samples.Generate(VisitTypes.OutpatientTreatment, Samples.At(2025, 2, 3, 14), facility: 3, sequence: 14);
        var sameTimeSameFacility = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 1, 15, 7, 30), facility: 0, sequence: 15);
        var accepted = Samples.At(2025, 3, 20);
        var entries = new[] { march, february, sameTimeSameFacility, januaryB, januaryA }
            .Select((g, i) => Samples.Entry(g, 1, accepted.AddMinutes(i)))
            .ToArray();

        var book = HealthBookBuilder.Build(entries, Today);

        var expectedTies = new[] { januaryA, sameTimeSameFacility }.OrderBy(g => g.MaLk, StringComparer.Ordinal).Select(g => g.MaLk);
        var facilityOrder = string.CompareOrdinal(januaryA.FacilityCode, januaryB.FacilityCode) < 0
            ? expectedTies.Append(januaryB.MaLk)
            : new[] { januaryB.MaLk }.Concat(expectedTies);
        Assert.Equal(facilityOrder.Concat([february.MaLk, march.MaLk]), book.Visits.Select(v => v.MaLk));
        Assert.Equal(book.Visits.OrderBy(v => v.ArrivalTime).Select(v => v.ArrivalTime), book.Visits.Select(v => v.ArrivalTime));
        Assert.Equal(4, book.Visits.Select(v => v.FacilityCode).Distinct().Count());
    }

    [Fact]
    public void Each_administrative_field_comes_from_the_most_recent_dossier_that_states_it_with_its_source()
    {
        var older = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 1, 10), facility: 0, sequence: 21)
            .WithField("XML1", "HO_TEN", "Trần Thị Cũ")
            .WithField("XML1", "MA_NGHE_NGHIEP", "07");
        var newer = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 4, 10), facility: 1, sequence: 22)
            .WithField("XML1", "HO_TEN", "Trần Thị Mới")
            .WithField("XML1", "MA_NGHE_NGHIEP", "");
        // The newer visit's dossier reached the hub first: recency follows the visits, not the order of arrival at the hub.
        var newerEntry = Samples.Entry(newer, 1, Samples.At(2025, 4, 11));
        var olderEntry = Samples.Entry(older, 1, Samples.At(2025, 5, 1));

        var admin = HealthBookBuilder.Build([newerEntry, olderEntry], Today).Administrative;

        Assert.Equal("Trần Thị Mới", admin.FullName.Value);
        Assert.Equal(newerEntry.Admin.DossierId, admin.FullName.SourceDossierId);
        Assert.Equal(Samples.At(2025, 4, 11), admin.FullName.AsOf);
        Assert.True(admin.FullName.HasSource);
        Assert.Equal("07", admin.Occupation.Value); // the newer dossier left it empty
        Assert.Equal(olderEntry.Admin.DossierId, admin.Occupation.SourceDossierId);
        Assert.Equal(Samples.Citizen.PersonalId, admin.PersonalId.Value);
        Assert.Equal(Samples.Citizen.CommuneCode, admin.CommuneCode.Value);
    }

    [Fact]
    public void Allergies_vaccinations_and_guardian_are_present_but_marked_as_having_no_source()
    {
        var admin = HealthBookBuilder.Build([Samples.Entry(Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 1, 10)), 1, Samples.At(2025, 1, 11))], Today).Administrative;

        foreach (var field in new[] { admin.Allergies, admin.Vaccinations, admin.Guardian })
        {
            Assert.False(field.HasSource);
            Assert.Null(field.Value);
            Assert.Null(field.SourceDossierId);
            Assert.StartsWith("No source yet", field.Note);
        }

        Assert.True(admin.FullName.HasSource);
    }

    [Fact]
    public void An_empty_book_has_every_field_unknown_and_nothing_else()
    {
        var book = HealthBookBuilder.Build([], Today);

        Assert.Empty(book.Visits);
        Assert.Empty(book.History);
        Assert.Empty(book.Administrative.InsuranceCards);
        Assert.Null(book.Administrative.FullName.Value);
        Assert.True(book.Administrative.FullName.HasSource);
        Assert.False(book.Administrative.Allergies.HasSource);
    }

    [Fact]
    public void Insurance_cards_from_all_dossiers_are_listed_latest_validity_first_each_with_its_latest_statement()
    {
        var first = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2024, 6, 1), sequence: 31)
            .Mutate()
            .WithField("XML1", "MA_THE_BHYT", "GD4700000000001")
            .WithField("XML1", "GT_THE_TU", "20240101")
            .WithField("XML1", "GT_THE_DEN", "20241231")
            .WithField("XML1", "MA_DKBD", "70001")
            .Build();
        var second = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 2, 1), facility: 1, sequence: 32)
            .Mutate()
            .WithField("XML1", "MA_THE_BHYT", "GD4700000000001;HT3700000000002")
            .WithField("XML1", "GT_THE_TU", "20250101;20250101")
            .WithField("XML1", "GT_THE_DEN", "20251231;20250630")
            .WithField("XML1", "MA_DKBD", "70005;70005")
            .Build();
        var secondEntry = Samples.Entry(second, 1, Samples.At(2025, 2, 2));

        var admin = HealthBookBuilder.Build([secondEntry, Samples.Entry(first, 1, Samples.At(2024, 6, 2))], Today).Administrative;

        Assert.Equal(["GD4700000000001", "HT3700000000002"], admin.InsuranceCards.Select(c => c.Number));
        var renewed = admin.InsuranceCards[0];
        Assert.Equal(new DateOnly(2025, 12, 31), renewed.ValidTo);
        Assert.Equal("70005", renewed.RegisteredFacilityCode);
        Assert.Equal(secondEntry.Admin.DossierId, renewed.SourceDossierId);
        Assert.Equal("70005", admin.RegisteredFacility.Value);
    }

    [Fact]
    public void The_diagnosis_history_merges_dotted_and_undotted_codes_with_first_and_last_seen_and_facilities()
    {
        var icd = ReferenceData.Icd10;
        var first = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2024, 11, 5), facility: 0, sequence: 41)
            .WithField("XML1", "MA_BENH_CHINH", "J06.9").WithField("XML1", "MA_BENH_KT", "");
        var second = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 2, 7), facility: 4, sequence: 42)
            .WithField("XML1", "MA_BENH_CHINH", "I10").WithField("XML1", "MA_BENH_KT", "J069");

        var book = HealthBookBuilder.Build([Samples.Entry(second, 1, Samples.At(2025, 2, 8), icd: icd), Samples.Entry(first, 1, Samples.At(2024, 11, 6), icd: icd)], Today);

        Assert.Equal(["J06.9", "I10"], book.History.Select(h => h.Code));
        var cold = book.History[0];
        Assert.Equal(Samples.At(2024, 11, 5), cold.FirstSeen);
        Assert.Equal(Samples.At(2025, 2, 7), cold.LastSeen);
        Assert.Equal([first.FacilityCode, second.FacilityCode], cold.FacilityCodes);
        Assert.Equal(2, cold.VisitCount);
        Assert.Equal(1, cold.AsMainDiagnosis);
        Assert.True(icd.TryGetName("J06.9", out var name));
        Assert.Equal(name, cold.Name);
        Assert.Equal(1, book.History[1].VisitCount);
    }

    [Fact]
    public void Upcoming_re_exams_come_from_every_facility_dated_today_or_later_ordered_by_date()
    {
        var past = ReExamAt(facility: 0, sequence: 51, arrival: Samples.At(2025, 4, 1), appointment: "202505200800");
        var onToday = ReExamAt(facility: 1, sequence: 52, arrival: Samples.At(2025, 5, 2), appointment: "202506010730");
        var later = ReExamAt(facility: 2, sequence: 53, arrival: Samples.At(2025, 5, 10), appointment: "202506150900");
        var soon = ReExamAt(facility: 3, sequence: 54, arrival: Samples.At(2025, 5, 25), appointment: "202506031400");
        var noAppointment = Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 5, 28), facility: 4, sequence: 55);
        var entries = new[] { later, past, soon, onToday, noAppointment }.Select(g => Samples.Entry(g, 1, Samples.At(2025, 5, 30))).ToArray();

        var book = HealthBookBuilder.Build(entries, Today);

        Assert.Equal(
            [Samples.At(2025, 6, 1, 7, 30), Samples.At(2025, 6, 3, 14), Samples.At(2025, 6, 15, 9)],
            book.UpcomingReExams.Select(a => a.Date));
        Assert.Equal([onToday.FacilityCode, soon.FacilityCode, later.FacilityCode], book.UpcomingReExams.Select(a => a.FacilityCode));
        Assert.Equal(soon.MaLk, book.UpcomingReExams[1].MaLk);
        Assert.All(book.UpcomingReExams, a => Assert.StartsWith("GH", a.AppointmentNumber));
        Assert.Equal(Today, book.Today);
    }

    [Fact]
    public void Today_is_the_vietnam_calendar_date_of_the_given_instant()
    {
        var appointment = ReExamAt(facility: 0, sequence: 61, arrival: Samples.At(2025, 5, 2), appointment: "202505310730");
        var entries = new[] { Samples.Entry(appointment, 1, Samples.At(2025, 5, 3)) };

        // 31/05 18:00 UTC is already 01/06 01:00 in Vietnam; 31/05 16:00 UTC is still 31/05.
        var justAfterMidnight = HealthBookBuilder.Build(entries, new DateTimeOffset(2025, 5, 31, 18, 0, 0, TimeSpan.Zero));
        var dayBefore = HealthBookBuilder.Build(entries, new DateTimeOffset(2025, 5, 31, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 6, 1), justAfterMidnight.Today);
        Assert.Empty(justAfterMidnight.UpcomingReExams);
        Assert.Equal(new DateOnly(2025, 5, 31), dayBefore.Today);
        Assert.Single(dayBefore.UpcomingReExams);
    }

    private static GeneratedDossier ReExamAt(int facility, long sequence, DateTimeOffset arrival, string appointment) =>
        Samples.Generate(VisitTypes.OutpatientExam, arrival, new DossierOptions { ReExamBooked = true }, facility, sequence)
            .Mutate()
            .WithField("XML14", "NGAY_HEN_KL", appointment)
            .WithField("XML1", "NGAY_TAI_KHAM", appointment[..8])
            .Build();
}
