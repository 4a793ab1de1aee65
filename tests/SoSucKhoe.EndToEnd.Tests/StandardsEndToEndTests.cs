using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The hub at today's date: a dossier is validated against the data standard of its episode (QĐ 3176 for episodes from
/// 01/01/2025, QĐ 4750 before), answered with that standard's name and forwarded to that standard's endpoint of the gateway
/// emulator, which refuses a document on the wrong endpoint; residence codes follow the administrative units of the visit's day.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class StandardsEndToEndTests(HubFixture hub) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Arrival2026 = new(2026, 10, 5, 7, 30, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Arrival2024 = new(2024, 11, 18, 7, 30, 0, TimeSpan.FromHours(7));
    private static readonly ProvinceGenerator s_province = new(seed: 3176, new ProvinceOptions { FacilityCount = 40, CitizenCount = 4_000 });
    private static readonly DossierFactory s_dossiers = new(seed: 3176);
    private static int s_citizen;

    /// <summary>The provincial hospital (every visit type but 06) and a commune health station (06).</summary>
    private static SyntheticFacility Hospital => s_province.Facilities()[0];

    private static SyntheticFacility Station => s_province.Facilities().First(f => f.Level == SoSucKhoe.TestData.FacilityLevel.CommuneHealthStation);

    public async Task InitializeAsync()
    {
        hub.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        await hub.Clients.FacilityKeyAsync(Hospital.Code, Hospital.Name);
        await hub.Clients.FacilityKeyAsync(Station.Code, Station.Name);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("04")]
    [InlineData("05")]
    [InlineData("06")]
    [InlineData("07")]
    [InlineData("08")]
    [InlineData("09")]
    [InlineData("10")]
    public async Task A_QD_3176_dossier_of_each_visit_type_is_accepted_and_forwarded_to_the_QD_3176_endpoint(string visitType)
    {
        var facility = visitType == VisitTypes.CommuneStationStay ? Station : Hospital;
        // Transfers (XML13 renamed fields) and re-exams (XML14 NGAY_HEN_KL as a day) ride along on some of them.
        var options = new DossierOptions
        {
            DischargeType = visitType is "03" or "05" ? 2 : 1,
            ReExamBooked = visitType is "01" or "03" or "08",
            SickLeave = visitType == "03",
        };
        var dossier = s_dossiers.Create(NextPatient(), facility, visitType, Arrival2026, options);
        var intake = await hub.Clients.IntakeForAsync(facility.Code, facility.Name);

        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });

        Assert.Equal("3176", dossier.Standard);
        Assert.Equal("3176", accepted.Standard);
        var status = await WaitForState(intake, accepted.DossierId, DossierState.Acknowledged);
        Assert.Equal("3176", status.Standard);
        var received = Assert.Single(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
        Assert.Equal(("3176", ReceivedKind.Dossier), (received.Standard, received.Kind));
    }

    [Fact]
    public async Task A_QD_4750_dossier_of_a_2024_episode_is_accepted_and_forwarded_to_the_QD_4750_endpoint()
    {
        var dossier = s_dossiers.Create(NextPatient(), Hospital, VisitTypes.Inpatient, Arrival2024, new DossierOptions { DischargeType = 2 });
        var intake = await hub.Clients.IntakeForAsync(Hospital.Code, Hospital.Name);

        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });

        Assert.Equal("4750", dossier.Standard);
        Assert.Equal("4750", accepted.Standard);
        await WaitForState(intake, accepted.DossierId, DossierState.Acknowledged);
        var received = Assert.Single(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
        Assert.Equal("4750", received.Standard);
    }

    [Fact]
    public async Task A_QD_4750_transfer_paper_in_a_2026_episode_is_refused_naming_the_field_and_nothing_is_forwarded()
    {
        var dossier = s_dossiers.Create(NextPatient(), Hospital, VisitTypes.OutpatientExam, Arrival2026,
            new DossierOptions { DischargeType = 2, Standard = "4750" });
        var intake = await hub.Clients.IntakeForAsync(Hospital.Code, Hospital.Name);

        var violations = await RefusedAsync(intake, dossier);

        var renamed = Assert.Single(violations, v => v.Field == "XML13.MA_NOI_DI");
        Assert.StartsWith("standard_mismatch: XML13: MA_NOI_DI is the QĐ 4750 name; from 01/01/2025 XML13 carries MA_CSKCB_DI", renamed.Description,
            StringComparison.Ordinal);
        Assert.Contains(violations, v => v.Field == "XML13.TEN_DICH_VU" && v.Description.StartsWith("standard_mismatch:", StringComparison.Ordinal));
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
    }

    [Fact]
    public async Task Residence_codes_follow_the_administrative_units_of_the_visit_s_day()
    {
        var patient = NextPatient();
        var intake = await hub.Clients.IntakeForAsync(Hospital.Code, Hospital.Name);
        var current = s_dossiers.Create(patient, Hospital, VisitTypes.OutpatientExam, Arrival2026);
        var before = s_dossiers.Create(patient, Hospital, VisitTypes.OutpatientExam, Arrival2024);
        var xml1 = Documents.Summary(current);

        // Today's codes (province 75, a commune of the 2025 list, no district) after the reform, the 2024 codes before it.
        Assert.Equal(("75", string.Empty), (xml1["MATINH_CU_TRU"], xml1["MAHUYEN_CU_TRU"]));
        Assert.Equal("70", Documents.Summary(before)["MATINH_CU_TRU"]);
        Assert.Equal("3176", (await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(current.Payload) })).Standard);
        Assert.Equal("4750", (await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(before.Payload) })).Standard);

        // The 2024 codes after the reform, and today's codes before it, are refused.
        var oldCodesToday = current.Mutate().WithField("XML1", "MATINH_CU_TRU", "70").WithField("XML1", "MAHUYEN_CU_TRU", patient.DistrictCode)
            .WithField("XML1", "MAXA_CU_TRU", patient.CommuneCode).Build();
        var newCodesBefore = before.Mutate().WithField("XML1", "MATINH_CU_TRU", "75").WithField("XML1", "MAHUYEN_CU_TRU", string.Empty)
            .WithField("XML1", "MAXA_CU_TRU", patient.CurrentCommuneCode!).Build();
        var refusedToday = await RefusedAsync(intake, oldCodesToday);
        var refusedBefore = await RefusedAsync(intake, newCodesBefore);

        Assert.Contains(refusedToday, v => v.Field == "XML1.MATINH_CU_TRU" && v.Description.StartsWith("administrative_unit:", StringComparison.Ordinal));
        Assert.Contains(refusedBefore, v => v.Field == "XML1.MAHUYEN_CU_TRU" && v.Description.StartsWith("required:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blank_district_and_a_former_district_are_both_accepted_after_the_reform()
    {
        var patient = NextPatient();
        var intake = await hub.Clients.IntakeForAsync(Hospital.Code, Hospital.Name);
        var blank = s_dossiers.Create(patient, Hospital, VisitTypes.OutpatientExam, Arrival2026);
        var former = s_dossiers.Create(patient, Hospital, VisitTypes.OutpatientExam, Arrival2026.AddDays(1)).Mutate()
            .WithField("XML1", "MAHUYEN_CU_TRU", patient.DistrictCode).Build();

        Assert.Equal(string.Empty, Documents.Summary(blank)["MAHUYEN_CU_TRU"]);
        Assert.Equal(1, (await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(blank.Payload) })).Version);
        Assert.Equal(1, (await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(former.Payload) })).Version);
    }

    [Fact]
    public async Task A_check_in_of_2026_is_answered_with_QD_3176_and_reaches_the_QD_3176_check_in_endpoint()
    {
        var patient = NextPatient();
        var episode = s_dossiers.CreateEpisode(patient, Hospital, VisitTypes.OutpatientExam, Arrival2026);
        var intake = await hub.Clients.IntakeForAsync(Hospital.Code, Hospital.Name);

        var checkIn = await intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = Hospital.Code,
            MaLk = episode.Dossier.MaLk,
            Patient = new PatientIdentity { PersonalId = patient.PersonalId },
            VisitType = VisitTypes.OutpatientExam,
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival2026),
            CheckInDocument = ByteString.CopyFrom(episode.CheckIn.Payload),
        });

        Assert.Equal("3176", checkIn.Standard);
        Assert.True(await Eventually.Until(() => Task.FromResult(
            hub.Emulator.State.GetReceived(0, 100_000).Any(r => r.MaLk == episode.Dossier.MaLk && r.Kind == ReceivedKind.CheckIn && r.Standard == "3176")),
            Patience));
    }

    [Fact]
    public async Task A_visit_type_of_the_2026_list_is_refused_for_an_arrival_before_it()
    {
        var patient = NextPatient();
        var intake = await hub.Clients.IntakeForAsync(Hospital.Code, Hospital.Name);

        var error = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = Hospital.Code,
            MaLk = "LK-TELE-2025",
            Patient = new PatientIdentity { PersonalId = patient.PersonalId },
            VisitType = "14",
            ArrivalTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7))),
        }).ResponseAsync);
        var later = await intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = Hospital.Code,
            MaLk = "LK-TELE-2026",
            Patient = new PatientIdentity { PersonalId = patient.PersonalId },
            VisitType = "14",
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival2026),
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "REQUEST.visit_type");
        Assert.True(later.Created);
    }

    private static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> RefusedAsync(Intake.IntakeClient intake, GeneratedDossier dossier)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
    }

    private static async Task<DossierStatus> WaitForState(Intake.IntakeClient intake, string dossierId, DossierState expected)
    {
        DossierStatus? status = null;
        var reached = await Eventually.Until(async () =>
        {
            status = await intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = dossierId });
            return status.State == expected;
        }, Patience);
        Assert.True(reached, $"{dossierId} did not reach {expected}; last state {status?.State}, error {status?.LastError}");
        return status!;
    }

    /// <summary>An insured adult with a complete birth date well before 2024 and a determined sex (valid in both years).</summary>
    private static SyntheticCitizen NextPatient()
    {
        while (true)
        {
            var citizen = s_province.CitizenAt(Interlocked.Increment(ref s_citizen));
            if (citizen.IsInsured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < 2020 && citizen.Sex != Sex.Undetermined)
            {
                return citizen;
            }
        }
    }

    /// <summary>Reads a generated dossier's XML1 fields.</summary>
    private static class Documents
    {
        public static IReadOnlyDictionary<string, string> Summary(GeneratedDossier dossier)
        {
            var root = System.Xml.Linq.XDocument.Parse(dossier.InnerTableText("XML1")).Root!;
            return root.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        }
    }
}
