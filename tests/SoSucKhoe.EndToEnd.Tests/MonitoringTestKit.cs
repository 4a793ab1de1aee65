using Google.Protobuf;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;
using MonitoringApi = SoSucKhoe.Api.V1.Monitoring;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// What the Monitoring tests share. Each test class works in a province of its own (codes 91-96, which no other test uses), so
/// the province's counts hold exactly the facilities that class registered, however the collection's tests are ordered.
/// </summary>
internal static class MonitoringTestKit
{
    /// <summary>The longest wait for asynchronous work (flow flushes every second, forwarding to the emulator).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>A new province key of <paramref name="province"/>.</summary>
    public static async Task<string> ProvinceKeyAsync(HubFixture hub, string province) =>
        (await hub.Clients.AdminCredentials.IssueProvinceKeyAsync(new IssueProvinceKeyRequest { ProvinceCode = province, Label = "monitoring tests" })).Key;

    /// <summary>A Monitoring client carrying <paramref name="key"/>.</summary>
    public static MonitoringApi.MonitoringClient MonitoringAs(HubFixture hub, string? key) => new(hub.Clients.With(key));

    /// <summary>Registers a facility with a profile (as admin), without any signing certificate.</summary>
    public static Task<Facility> RegisterAsync(HubFixture hub, string code, string name, string? district, bool insured = true)
    {
        var request = new RegisterFacilityRequest
        {
            FacilityCode = code,
            Name = name,
            DistrictCode = district ?? string.Empty,
            Level = Api.V1.FacilityLevel.Commune,
            Ownership = FacilityOwnership.Public,
            InsuredCareContract = insured,
            LocationEffectiveFrom = "2024-01-01",
        };
        request.CareTypes.Add([CareType.OutpatientExam, CareType.OutpatientTreatment]);
        return hub.Clients.AdminFacilities.RegisterFacilityAsync(request).ResponseAsync;
    }

    /// <summary>Submits a signed production dossier with a facility key.</summary>
    public static Task<SubmitDossierResponse> SubmitDossierAsync(HubFixture hub, string facilityKey, GeneratedDossier dossier) =>
        hub.Clients.IntakeWith(facilityKey).SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) }).ResponseAsync;

    /// <summary>The facility's flow as the Monitoring service reports it.</summary>
    public static async Task<FacilityFlow> FlowAsync(MonitoringApi.MonitoringClient monitoring, string province, string facility) =>
        (await monitoring.GetFlowStatsAsync(new GetFlowStatsRequest { ProvinceCode = province, FacilityCode = facility })).Facilities.Single();

    /// <summary>Citizens with what the validator requires of a patient (complete birth date before 2024, a determined sex).</summary>
    public static IEnumerable<SyntheticCitizen> PatientsOf(ProvinceGenerator province, bool insured)
    {
        for (var i = 0L; i < province.Options.CitizenCount; i++)
        {
            var citizen = province.CitizenAt(i);
            if (citizen.IsInsured == insured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < 2024 && citizen.Sex != Sex.Undetermined)
            {
                yield return citizen;
            }
        }
    }

    /// <summary>The status code of a call that must fail.</summary>
    public static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Xunit.Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
}
