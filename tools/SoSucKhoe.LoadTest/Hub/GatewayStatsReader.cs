using System.Text.Json;
using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>
/// Reads the gateway emulator's stats JSON (<c>GET …/gateway/emulator/stats</c>), sending the admin key as a bearer token (the
/// hub serves the emulator's controls to admins only; a stand-alone emulator ignores it).
/// </summary>
public sealed class GatewayStatsReader(HttpClient http, Uri statsAddress, string adminKey)
{
    public async Task<GatewayCounters> ReadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, statsAddress);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Parse(document.RootElement);
    }

    /// <summary>Reads the counters from the stats object (camelCase or PascalCase names; a missing counter is 0).</summary>
    public static GatewayCounters Parse(JsonElement stats) =>
        new(Counter(stats, "received"), Counter(stats, "dossiers"), Counter(stats, "duplicates"), Counter(stats, "orderViolations"),
            Counter(stats, "rejected"))
        {
            DistinctDossiers = Counter(stats, "distinctDossiers"),
            CheckIns = Counter(stats, "checkIns"),
        };

    private static long Counter(JsonElement stats, string name)
    {
        foreach (var property in stats.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.TryGetInt64(out var value))
            {
                return value;
            }
        }

        return 0;
    }
}
