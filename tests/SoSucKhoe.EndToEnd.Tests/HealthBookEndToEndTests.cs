using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;
using BookApi = SoSucKhoe.Api.V1.HealthBook;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The e-health book over real gRPC: built from the person's dossiers, read only by the facility the person stands in front of,
/// every read and refusal audited, and the person's own access log matching the reads made.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HealthBookEndToEndTests(HubFixture hub)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static int s_citizen;
    private readonly ProvinceGenerator _province = new(seed: 6060, new ProvinceOptions { FacilityCount = 4, CitizenCount = 2_000 });
    private static readonly DossierFactory s_dossiers = new(seed: 61);

    [Fact]
    public async Task A_checked_in_patient_s_book_shows_the_visit_and_the_read_is_audited()
    {
        var (citizen, home) = (NextCitizen(), _province.Facilities()[0]);
        var intake = await Intake(home);
        var dossier = s_dossiers.Create(citizen, home, "03", Now.AddDays(-3), new DossierOptions { ReExamBooked = true, LabResults = true });
        await CheckInAsync(intake, home, citizen, "LK-BOOK-A-" + citizen.Index);
        await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });

        var book = await Book(home, "BS-0001").GetHealthBookAsync(Request(home, citizen, "khám bệnh"));

        var visit = Assert.Single(book.Visits);
        Assert.Equal($"{home.Code}:{dossier.MaLk}", visit.DossierId);
        Assert.False(string.IsNullOrEmpty(visit.MainDiagnosis.Name), "the ICD-10 catalogue names the main diagnosis");
        Assert.NotEmpty(visit.Papers);
        Assert.Equal(citizen.PersonalId, book.Administrative.PersonalId.Value);
        Assert.Equal(visit.DossierId, book.Administrative.FullName.SourceDossierId);
        Assert.False(book.Administrative.Allergies.HasSource);
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            SubjectKey = citizen.PersonalId,
            Actions = { "healthbook.read" },
        });
        var entry = Assert.Single(audit.Entries);
        Assert.Equal(home.Code, entry.FacilityCode);
        Assert.Equal("staff:BS-0001", entry.ActorId);
        Assert.Equal("khám bệnh", entry.Purpose);
        Assert.Equal("allowed", entry.Outcome);
        Assert.DoesNotContain(citizen.PersonalId, entry.SubjectMasked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facility_without_an_open_check_in_is_refused_and_the_refusal_is_audited()
    {
        var (citizen, home, elsewhere) = (NextCitizen(), _province.Facilities()[0], _province.Facilities()[1]);
        var intake = await Intake(home);
        await CheckInAsync(intake, home, citizen, "LK-BOOK-B-" + citizen.Index);
        await intake.SubmitDossierAsync(new SubmitDossierRequest
        {
            Document = ByteString.CopyFrom(s_dossiers.Create(citizen, home, "01", Now.AddDays(-1)).Payload),
        });
        await Intake(elsewhere);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Book(elsewhere, "BS-0002").GetHealthBookAsync(Request(elsewhere, citizen, "tò mò")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("consent_required", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectKey = citizen.PersonalId });
        var refused = Assert.Single(audit.Entries);
        Assert.Equal(("healthbook.refused", "denied", elsewhere.Code), (refused.Action, refused.Outcome, refused.FacilityCode));
    }

    [Fact]
    public async Task The_person_s_access_log_lists_exactly_the_reads_and_refusals_made()
    {
        var (citizen, home, elsewhere) = (NextCitizen(), _province.Facilities()[0], _province.Facilities()[2]);
        var intake = await Intake(home);
        await CheckInAsync(intake, home, citizen, "LK-BOOK-C-" + citizen.Index);
        await Intake(elsewhere);
        await Book(home, "BS-1").GetHealthBookAsync(Request(home, citizen, "khám"));
        await Book(home, "DD-2").GetHealthBookAsync(Request(home, citizen, "cấp thuốc"));
        await Assert.ThrowsAsync<RpcException>(() => Book(elsewhere, "X-3").GetHealthBookAsync(Request(elsewhere, citizen, "xem")).ResponseAsync);

        var log = await Book(home, "BS-1").ListAccessLogAsync(new ListAccessLogRequest
        {
            FacilityCode = home.Code,
            Patient = new PatientIdentity { PersonalId = citizen.PersonalId },
        });

        Assert.Equal(
            [(elsewhere.Code, "X-3", "xem", "denied"), (home.Code, "DD-2", "cấp thuốc", "allowed"), (home.Code, "BS-1", "khám", "allowed")],
            log.Entries.Select(e => (e.FacilityCode, e.StaffId, e.Purpose, e.Outcome)));
    }

    [Fact]
    public async Task A_correction_replaces_the_visit_and_a_cancelled_episode_leaves_the_book()
    {
        var (citizen, home, other) = (NextCitizen(), _province.Facilities()[0], _province.Facilities()[1]);
        var intake = await Intake(home);
        var otherIntake = await Intake(other);
        var first = s_dossiers.Create(citizen, home, "01", Now.AddDays(-10));
        var corrected = first.WithField("XML1", "LY_DO_VV", "Đau đầu (đã sửa)");
        var mistaken = s_dossiers.Create(citizen, other, "01", Now.AddDays(-5));
        await CheckInAsync(intake, home, citizen, "LK-BOOK-D-" + citizen.Index);
        foreach (var (client, document) in new[] { (intake, first), (intake, corrected), (otherIntake, mistaken) })
        {
            await client.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(document.Payload) });
        }

        await otherIntake.CancelEpisodeAsync(new CancelEpisodeRequest { DossierId = $"{other.Code}:{mistaken.MaLk}", Reason = "Nhầm người bệnh" });
        var book = await Book(home, "BS-9").GetHealthBookAsync(Request(home, citizen, "khám"));

        var visit = Assert.Single(book.Visits);
        Assert.Equal((2, "Đau đầu (đã sửa)"), (visit.Version, visit.Reason));
        Assert.Contains(book.Superseded, s => s.DossierId == visit.DossierId && s.Version == 1);
        Assert.Contains(book.Cancelled, c => c.DossierId == $"{other.Code}:{mistaken.MaLk}");
    }

    [Fact]
    public async Task Visits_from_several_facilities_are_ordered_by_arrival_whatever_the_order_they_came_in()
    {
        var citizen = NextCitizen();
        var facilities = _province.Facilities();
        var arrivals = new[] { Now.AddDays(-2), Now.AddDays(-30), Now.AddDays(-9) };
        for (var i = 0; i < arrivals.Length; i++)
        {
            var client = await Intake(facilities[i]);
            await client.SubmitDossierAsync(new SubmitDossierRequest
            {
                Document = ByteString.CopyFrom(s_dossiers.Create(citizen, facilities[i], "01", arrivals[i]).Payload),
            });
        }

        var reader = facilities[3];
        await CheckInAsync(await Intake(reader), reader, citizen, "LK-BOOK-E-" + citizen.Index);
        var book = await Book(reader, "BS-7").GetHealthBookAsync(Request(reader, citizen, "khám"));

        Assert.Equal([facilities[1].Code, facilities[2].Code, facilities[0].Code], book.Visits.Select(v => v.FacilityCode));
    }

    [Fact]
    public async Task An_episode_exports_as_a_printable_vietnamese_page_and_a_booked_re_exam_reaches_the_facility_s_list()
    {
        var (citizen, home) = (NextCitizen(), _province.Facilities()[0]);
        var intake = await Intake(home);
        var dossier = s_dossiers.Create(citizen, home, "01", Now.AddDays(-1), new DossierOptions { ReExamBooked = true });
        await CheckInAsync(intake, home, citizen, "LK-BOOK-F-" + citizen.Index);
        await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });

        var exported = await Book(home, "BS-5").ExportEpisodeAsync(new ExportEpisodeRequest
        {
            FacilityCode = home.Code,
            Patient = new PatientIdentity { PersonalId = citizen.PersonalId },
            DossierId = $"{home.Code}:{dossier.MaLk}",
            Purpose = "in cho người bệnh",
        });
        var reExams = await Book(home, "BS-5").ListFacilityReExamsAsync(new ListFacilityReExamsRequest
        {
            FacilityCode = home.Code,
            From = Timestamp.FromDateTimeOffset(Now.AddDays(-1)),
            To = Timestamp.FromDateTimeOffset(Now.AddDays(120)),
        });

        var html = Encoding.UTF8.GetString(exported.Content.ToByteArray());
        Assert.StartsWith("text/html", exported.ContentType, StringComparison.Ordinal);
        Assert.Contains("Tóm tắt đợt khám bệnh, chữa bệnh", html, StringComparison.Ordinal);
        Assert.Contains(reExams.Appointments, a => a.PersonKey == citizen.PersonalId && a.SourceDossierId == $"{home.Code}:{dossier.MaLk}");
    }

    [Fact]
    public async Task A_read_without_a_staff_identifier_or_purpose_is_refused_before_anything_happens()
    {
        var (citizen, home) = (NextCitizen(), _province.Facilities()[0]);
        var intake = await Intake(home);
        await CheckInAsync(intake, home, citizen, "LK-BOOK-G-" + citizen.Index);

        var key = await hub.Clients.FacilityKeyAsync(home.Code);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new BookApi.HealthBookClient(hub.Clients.With(key)).GetHealthBookAsync(Request(home, citizen, "")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["REQUEST.x-staff-id", "REQUEST.purpose"], fields);
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectKey = citizen.PersonalId });
        Assert.Empty(audit.Entries);
    }

    private SyntheticCitizen NextCitizen() => _province.CitizenAt(Interlocked.Increment(ref s_citizen));

    private Task<Intake.IntakeClient> Intake(SyntheticFacility facility) => hub.Clients.IntakeForAsync(facility.Code, facility.Name);

    private BookApi.HealthBookClient Book(SyntheticFacility facility, string staff)
    {
        var key = hub.Clients.FacilityKeyAsync(facility.Code, facility.Name).GetAwaiter().GetResult();
        return new BookApi.HealthBookClient(hub.Clients.With(key).Intercept(metadata =>
        {
            metadata.Add("x-staff-id", staff);
            return metadata;
        }));
    }

    private static GetHealthBookRequest Request(SyntheticFacility facility, SyntheticCitizen citizen, string purpose) => new()
    {
        FacilityCode = facility.Code,
        Patient = new PatientIdentity { PersonalId = citizen.PersonalId },
        Purpose = purpose,
    };

    private static Task CheckInAsync(Intake.IntakeClient intake, SyntheticFacility facility, SyntheticCitizen citizen, string maLk) =>
        intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = maLk,
            Patient = new PatientIdentity { PersonalId = citizen.PersonalId },
            VisitType = "01",
            ArrivalTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
        }).ResponseAsync;
}
