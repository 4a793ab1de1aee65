using SoSucKhoe.TestData;

namespace SoSucKhoe.DemoSeed;

/// <summary>One facility of the demo province and what the seed does with it.</summary>
/// <param name="CertificateExpiresInDays">When set, the facility also registers a signing certificate that expires that many days
/// from now (it shows up as an alert).</param>
/// <param name="Phase2">The phase 2 capabilities the province declares for it.</param>
public sealed record DemoFacility(
    SyntheticFacility Facility,
    DemoStage Stage,
    int? CertificateExpiresInDays,
    IReadOnlyList<Api.V1.ReadinessCondition> Phase2,
    int Seed);

/// <summary>
/// Deals stages to the facilities of a synthetic province, deterministically from the seed: about 10% registered only, 25%
/// preparing, 20% ready, 45% live, and two suspended (one when fewer than 20); one ready or live facility in twelve gets a
/// certificate expiring within the month.
/// </summary>
public static class DemoPlan
{
    public static IReadOnlyList<DemoFacility> Deal(IReadOnlyList<SyntheticFacility> facilities, int seed)
    {
        var random = new Random(seed);
        var order = facilities.Select(f => (Facility: f, Key: random.Next())).OrderBy(p => p.Key).Select(p => p.Facility).ToList();
        var suspended = facilities.Count >= 20 ? 2 : 1;
        var registered = Math.Max(1, facilities.Count / 10);
        var preparing = Math.Max(1, facilities.Count / 4);
        var ready = Math.Max(1, facilities.Count / 5);
        var plan = new List<DemoFacility>(facilities.Count);
        for (var i = 0; i < order.Count; i++)
        {
            var stage = i < suspended ? DemoStage.Suspended
                : i < suspended + registered ? DemoStage.Registered
                : i < suspended + registered + preparing ? DemoStage.Preparing
                : i < suspended + registered + preparing + ready ? DemoStage.Ready
                : DemoStage.Live;
            int? expiring = stage is DemoStage.Ready or DemoStage.Live && random.Next(12) == 0 ? random.Next(5, 28) : null;
            var phase2 = stage == DemoStage.Live
                ? new[] { Api.V1.ReadinessCondition.ReceivesByIdentity, Api.V1.ReadinessCondition.AcceptsVneidBook }.Where(_ => random.Next(3) > 0).ToArray()
                : [];
            plan.Add(new DemoFacility(order[i], stage, expiring, phase2, random.Next()));
        }

        return plan.OrderBy(p => p.Facility.Code, StringComparer.Ordinal).ToList();
    }
}
