using Google.Protobuf;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>Takes facilities through the readiness steps with the public API only, as a province officer and a HIS would.</summary>
public sealed partial class HubClients
{
    /// <summary>The phase 1 conditions the province declares (the others are derived by the hub).</summary>
    public static readonly IReadOnlyList<ReadinessCondition> DeclaredPhase1 =
    [
        ReadinessCondition.PlanApproved, ReadinessCondition.InternalRegulation, ReadinessCondition.StaffTrained,
        ReadinessCondition.NetworkSecurity,
    ];

    /// <summary>
    /// Registers the facility with a profile and its default test signing certificate (<see cref="FacilityCertificates.For(string)"/>)
    /// : the facility is then REGISTERED (no connection code yet). Idempotent.
    /// </summary>
    public async Task<Facility> RegisterWithProfileAsync(string facilityCode, string? name = null, string? districtCode = null)
    {
        var request = new RegisterFacilityRequest
        {
            FacilityCode = facilityCode,
            Name = name ?? "Facility " + facilityCode,
            DistrictCode = districtCode ?? string.Empty,
            Level = Api.V1.FacilityLevel.District,
            Ownership = FacilityOwnership.Public,
            InsuredCareContract = true,
            LocationEffectiveFrom = "2024-01-01",
        };
        request.CareTypes.Add([CareType.OutpatientExam, CareType.Inpatient]);
        await AdminFacilities.RegisterFacilityAsync(request);
        await AdminFacilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
        {
            FacilityCode = facilityCode,
            CertificatePem = FacilityCertificates.For(facilityCode).ExportCertificatePem(),
        });
        return await AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = facilityCode });
    }

    /// <summary>Issues the facility's connection code (it becomes PREPARING) and returns the facility key issued with it.</summary>
    public async Task<string> IssueConnectionCodeAsync(string facilityCode)
    {
        var issued = await AdminFacilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = facilityCode, KeyLabel = "tests" });
        return issued.FacilityKey.Key;
    }

    /// <summary>Declares every declared phase 1 condition as met, with evidence (StaffTrained with share 1.0).</summary>
    public async Task DeclarePhase1Async(string facilityCode, IEnumerable<ReadinessCondition>? conditions = null)
    {
        foreach (var condition in conditions ?? DeclaredPhase1)
        {
            var update = new UpdateConditionRequest
            {
                FacilityCode = facilityCode,
                Condition = condition,
                State = ConditionState.Met,
                Evidence = $"Quyết định số {(int)condition}/QĐ-SYT (tests)",
            };
            if (condition == ReadinessCondition.StaffTrained)
            {
                update.Share = 1.0;
            }

            await AdminFacilities.UpdateConditionAsync(update);
        }
    }

    /// <summary>Submits clean conformance dossiers with the facility's key until HIS_CONFIGURED is met; returns the last report.</summary>
    public async Task<ConformanceReport> ProveHisConfiguredAsync(string facilityCode, string facilityKey)
    {
        var intake = IntakeWith(facilityKey);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var dossier = ConformanceDossiers.Next(facilityCode);
            var report = await intake.SubmitConformanceDossierAsync(new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(dossier.Signed) });
            if (!report.Passed)
            {
                throw new InvalidOperationException($"A clean conformance dossier of {facilityCode} did not pass: "
                    + string.Join("; ", report.Violations.Select(v => v.Field + " " + v.Description)));
            }

            if (report.HisConfigured)
            {
                return report;
            }
        }

        throw new InvalidOperationException($"HIS_CONFIGURED of {facilityCode} was not met after 50 clean conformance dossiers.");
    }

    /// <summary>
    /// Takes a facility to READY through the API only: register with a profile and signing certificate, issue the connection code
    /// (which brings the facility key), declare the phase 1 conditions, and prove HIS_CONFIGURED with clean conformance dossiers.
    /// Returns the facility key. Not cached: use <see cref="FacilityKeyAsync"/> for a key per facility.
    /// </summary>
    public async Task<string> ReadyFacilityAsync(string facilityCode, string? name = null, string? districtCode = null)
    {
        await RegisterWithProfileAsync(facilityCode, name, districtCode);
        var key = await IssueConnectionCodeAsync(facilityCode);
        await DeclarePhase1Async(facilityCode);
        await ProveHisConfiguredAsync(facilityCode, key);
        var facility = await AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = facilityCode });
        if (facility.State is not (ReadinessState.Ready or ReadinessState.Live))
        {
            throw new InvalidOperationException($"{facilityCode} is {facility.State} after readiness, missing {string.Join(", ", facility.MissingPhase1)}.");
        }

        return key;
    }
}
