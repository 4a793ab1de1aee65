using System.Security.Cryptography;
using SoSucKhoe.Facilities;

namespace SoSucKhoe.Grains.Tests.Readiness;

/// <summary>Steps that move a facility along the readiness path, as the province (through the API) would.</summary>
internal static class ReadinessSteps
{
    public const string Officer = "key-province-officer";

    public static readonly ReadinessCondition[] DeclaredPhase1 =
    [
        ReadinessCondition.PlanApproved, ReadinessCondition.InternalRegulation, ReadinessCondition.StaffTrained,
        ReadinessCondition.NetworkSecurity,
    ];

    public static FacilityProfile Profile(string province, string? district, string name = "Trạm Y tế thử nghiệm",
        bool insured = true) => new(
        name, FacilityLevel.Commune, FacilityOwnership.Public, insured,
        [new FacilityLocation(new DateOnly(2024, 1, 1), province, district, null)],
        [CareType.OutpatientExam, CareType.OutpatientTreatment]);

    public static async Task<IFacilityGrain> RegisterAsync(IGrainFactory grains, string code, string? district = null,
        FacilityProfile? profile = null)
    {
        var facility = grains.GetGrain<IFacilityGrain>(code);
        await facility.Register(new FacilityRegistration(code, profile ?? Profile(code[..2], district)));
        return facility;
    }

    public static Task<FacilityView?> DeclareAsync(IFacilityGrain facility, ReadinessCondition condition,
        ConditionState state = ConditionState.Met, double? share = null) =>
        facility.UpdateCondition(new ConditionUpdate(condition, state, $"QĐ {condition} số 12/QĐ-SYT", Officer,
            share ?? (condition == ReadinessCondition.StaffTrained ? 1.0 : null)));

    public static SigningCertificate Certificate(DateTimeOffset now, TimeSpan validFor, TimeSpan? validSince = null) => new(
        Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), "CN=Trạm Y tế thử nghiệm, O=Sở Y tế",
        now - (validSince ?? TimeSpan.FromDays(30)), now + validFor, now, null);

    public static async Task RecordCleanConformanceAsync(IFacilityGrain facility, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await facility.RecordConformance(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), clean: true);
        }
    }

    /// <summary>Registers a facility and completes phase 1 (ready) with a certificate valid for <paramref name="certificateValidFor"/>.</summary>
    public static async Task<IFacilityGrain> MakeReadyAsync(ReadinessClusterFixture fixture, string code, string? district = null,
        TimeSpan? certificateValidFor = null)
    {
        var facility = await RegisterAsync(fixture.Grains, code, district);
        await facility.IssueConnectionCode(Officer);
        foreach (var condition in DeclaredPhase1)
        {
            await DeclareAsync(facility, condition);
        }

        await facility.AddSigningCertificate(Certificate(fixture.Time.GetUtcNow(), certificateValidFor ?? TimeSpan.FromDays(365)));
        await RecordCleanConformanceAsync(facility, 5);
        return facility;
    }

    /// <summary>Ready, then the gateway acknowledged its first dossier.</summary>
    public static async Task<IFacilityGrain> MakeLiveAsync(ReadinessClusterFixture fixture, string code, string? district = null,
        TimeSpan? certificateValidFor = null)
    {
        var facility = await MakeReadyAsync(fixture, code, district, certificateValidFor);
        await facility.OnDossierAcknowledged(fixture.Time.GetUtcNow());
        return facility;
    }

    /// <summary>Polls until a condition holds or the deadline passes (no fixed sleeps as synchronization).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
