using System.Globalization;
using System.Text;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.DemoSeed;

/// <summary>The summary the seed prints: what it did and what the province looks like now.</summary>
public static class DemoSummary
{
    public static string Write(DemoSeedResult result, DemoSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        var readiness = result.Readiness;
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo province {readiness.ProvinceCode} {readiness.ProvinceName}")
            .AppendLine(CultureInfo.InvariantCulture, $"  planned: {string.Join(", ", result.Planned.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}")
            .AppendLine(CultureInfo.InvariantCulture, $"  this run: {result.Registered} registered, {result.AlreadyThere} already at their stage, {result.ConformanceDossiers} conformance dossiers, {result.ProductionDossiers} production dossiers, {result.Failed} failed")
            .AppendLine(CultureInfo.InvariantCulture, $"  facilities: {readiness.Total.Facilities}; {string.Join(", ", readiness.Total.ByState.Select(s => $"{s.State} {s.Facilities}"))}");
        foreach (var phase in readiness.Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  phase {phase.Phase}: {phase.Complete}/{phase.Facilities} complete ({phase.Share:P0}), target {phase.TargetShare:P0} by {phase.Deadline}");
        }

        text.AppendLine("  communes of today:");
        foreach (var commune in readiness.Communes)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"    {commune.CommuneCode} {commune.CommuneName}: {commune.Facilities} facilities, {commune.ByState.Single(s => s.State == ReadinessState.Live).Facilities} live");
        }

        text.AppendLine("  former districts:");
        foreach (var district in readiness.Districts)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"    {district.DistrictCode} {district.DistrictName}: {district.Facilities} facilities, {district.ByState.Single(s => s.State == ReadinessState.Live).Facilities} live");
        }

        var flow = readiness.Total.Flow;
        text.AppendLine(CultureInfo.InvariantCulture,
                $"  flow: {flow.Received} received, {flow.Accepted} accepted, {flow.Acknowledged} acknowledged, backlog {flow.Backlog}")
            .AppendLine(CultureInfo.InvariantCulture, $"  alerts: {result.Alerts}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"Dashboard: GET /dashboard on the hub's HTTP port (http://127.0.0.1:5081/dashboard in the default run), admin key as 'Authorization: Bearer', e.g. curl -H \"Authorization: Bearer $(cat {options.AdminKeyFile})\" ...");
        return text.ToString();
    }
}
