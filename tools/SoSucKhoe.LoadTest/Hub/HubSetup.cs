using Google.Protobuf;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>
/// Readies the synthetic facilities through the hub's public API (as admin), as a province officer would: register with a profile,
/// add the signing certificate, issue the connection code (which brings the facility key), declare the phase 1 conditions, and prove
/// "HIS configured" with clean conformance dossiers. Only READY facilities may send production dossiers.
/// </summary>
public static class HubSetup
{
    private const int Parallelism = 8;
    private const int MaxConformanceDossiers = 50;
    private static readonly DateTimeOffset ConformanceArrival = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly ReadinessCondition[] DeclaredPhase1 =
    [
        ReadinessCondition.PlanApproved, ReadinessCondition.InternalRegulation, ReadinessCondition.StaffTrained,
        ReadinessCondition.NetworkSecurity,
    ];

    /// <summary>Returns the facility key of each facility code, once every facility is READY (or LIVE).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RegisterAsync(
        GrpcChannel channel, string adminKey, IEnumerable<SyntheticFacility> facilities, CancellationToken cancellationToken)
    {
        var registry = new Api.V1.Facilities.FacilitiesClient(BearerCalls.With(channel, adminKey));
        var conformance = new ConformanceSource();
        var keys = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(facilities, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (facility, token) => keys[facility.Code] = await ReadyAsync(channel, registry, conformance, facility, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return new Dictionary<string, string>(keys, StringComparer.Ordinal);
    }

    private static async Task<string> ReadyAsync(GrpcChannel channel, Api.V1.Facilities.FacilitiesClient registry, ConformanceSource conformance,
        SyntheticFacility facility, CancellationToken cancellationToken)
    {
        var registration = new RegisterFacilityRequest
        {
            FacilityCode = facility.Code,
            Name = facility.Name,
            DistrictCode = facility.DistrictCode,
            Level = facility.Level switch
            {
                TestData.FacilityLevel.ProvincialHospital => Api.V1.FacilityLevel.Province,
                TestData.FacilityLevel.CommuneHealthStation => Api.V1.FacilityLevel.Commune,
                _ => Api.V1.FacilityLevel.District,
            },
            Ownership = facility.Level is TestData.FacilityLevel.PrivateHospital or TestData.FacilityLevel.PrivateClinic
                ? FacilityOwnership.Private
                : FacilityOwnership.Public,
            InsuredCareContract = true,
        };
        registration.CareTypes.Add(CareType.OutpatientExam);
        await registry.RegisterFacilityAsync(registration, cancellationToken: cancellationToken);
        await registry.AddSigningCertificateAsync(
            new AddSigningCertificateRequest { FacilityCode = facility.Code, CertificatePem = FacilityCertificates.For(facility).ExportCertificatePem() },
            cancellationToken: cancellationToken);
        var issued = await registry.IssueConnectionCodeAsync(
            new IssueConnectionCodeRequest { FacilityCode = facility.Code, KeyLabel = "load test" }, cancellationToken: cancellationToken);
        foreach (var condition in DeclaredPhase1)
        {
            var update = new UpdateConditionRequest
            {
                FacilityCode = facility.Code,
                Condition = condition,
                State = ConditionState.Met,
                Evidence = "Load test set-up",
            };
            if (condition == ReadinessCondition.StaffTrained)
            {
                update.Share = 1.0;
            }

            await registry.UpdateConditionAsync(update, cancellationToken: cancellationToken);
        }

        var intake = new Api.V1.Intake.IntakeClient(BearerCalls.With(channel, issued.FacilityKey.Key));
        for (var sent = 0; sent < MaxConformanceDossiers; sent++)
        {
            var report = await intake.SubmitConformanceDossierAsync(
                new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(conformance.Next(facility)) }, cancellationToken: cancellationToken);
            if (!report.Passed)
            {
                throw new InvalidOperationException($"A conformance dossier of {facility.Code} failed: "
                    + string.Join("; ", report.Violations.Take(3).Select(v => v.Field + " " + v.Description)));
            }

            if (report.HisConfigured)
            {
                return issued.FacilityKey.Key;
            }
        }

        throw new InvalidOperationException($"{facility.Code} did not prove HIS_CONFIGURED with {MaxConformanceDossiers} clean conformance dossiers.");
    }

    /// <summary>Clean signed dossiers, each a new episode (own MA_LK and content hash), for conformance runs.</summary>
    private sealed class ConformanceSource
    {
        private readonly ProvinceGenerator _province = new(seed: 7070, new ProvinceOptions { FacilityCount = 1, CitizenCount = 1_000 });
        private readonly DossierFactory _dossiers = new(seed: 7070);
        private long _sequence = 5_000_000;
        private long _citizen;

        public byte[] Next(SyntheticFacility facility)
        {
            while (true)
            {
                var citizen = _province.CitizenAt(Interlocked.Increment(ref _citizen) % _province.Options.CitizenCount);
                if (citizen.IsInsured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < ConformanceArrival.Year && citizen.Sex != Sex.Undetermined)
                {
                    return _dossiers.Create(citizen, facility, "01", ConformanceArrival,
                        new DossierOptions { Sequence = Interlocked.Increment(ref _sequence) }).Signed;
                }
            }
        }
    }
}
