using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using SoSucKhoe.LoadTest.Verification;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>
/// Reads the gateway emulator's record of the dossiers it received (<c>GET …/emulator/received?after=&amp;limit=</c>, with its
/// control key), page by page from a sequence number on. The emulator keeps a bounded list: a page that does not start right after
/// the requested number means items were dropped, which the caller is told.
/// </summary>
public sealed class EmulatorRecord(HttpClient http, Uri receivedAddress, string key)
{
    /// <summary>The most items the emulator hands out per page.</summary>
    public const int PageSize = 10_000;

    /// <summary>The received endpoint beside a stats endpoint (…/emulator/stats → …/emulator/received).</summary>
    public static Uri BesideStats(Uri statsAddress) => new(statsAddress, "received");

    /// <summary>
    /// Every dossier received after <paramref name="after"/> (check-ins are skipped), the last sequence number read, and whether
    /// items between <paramref name="after"/> and the first one listed were no longer kept.
    /// </summary>
    public async Task<(List<GatewayCopy> Copies, long Last, bool Gap)> ReadAfterAsync(long after, CancellationToken cancellationToken)
    {
        var copies = new List<GatewayCopy>();
        var gap = false;
        var last = after;
        while (true)
        {
            var address = new Uri(receivedAddress, string.Create(CultureInfo.InvariantCulture, $"?after={last}&limit={PageSize}"));
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var sequence = Long(item, "sequence");
                if (count == 0 && sequence != last + 1)
                {
                    gap = true;
                }

                count++;
                last = sequence;
                if (Parse(item) is { } copy)
                {
                    copies.Add(copy);
                }
            }

            if (count < PageSize)
            {
                return (copies, last, gap);
            }
        }
    }

    /// <summary>One received item as a gateway copy, or null for a check-in.</summary>
    public static GatewayCopy? Parse(JsonElement item)
    {
        var kind = Property(item, "kind");
        var isDossier = kind.ValueKind == JsonValueKind.String
            ? string.Equals(kind.GetString(), "Dossier", StringComparison.OrdinalIgnoreCase)
            : kind.ValueKind == JsonValueKind.Number && kind.GetInt32() == 2;
        if (!isDossier)
        {
            return null;
        }

        _ = ContentHash.TryParse(Text(item, "contentSha256"), out var hash);
        return new GatewayCopy(
            Long(item, "sequence"),
            Text(item, "maCskcb"),
            Text(item, "maLk"),
            hash,
            Property(item, "receivedAt").GetDateTimeOffset(),
            Text(item, "maGiaoDich"));
    }

    private static JsonElement Property(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return default;
    }

    private static string Text(JsonElement item, string name) => Property(item, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : string.Empty;

    private static long Long(JsonElement item, string name) => Property(item, name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : 0;
}
