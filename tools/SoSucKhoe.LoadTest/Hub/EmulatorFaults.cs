using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace SoSucKhoe.LoadTest.Hub;

/// <summary>Starts and ends gateway outages through the emulator's fault control (<c>POST …/emulator/faults</c>, admin key).</summary>
public sealed class EmulatorFaults(HttpClient http, Uri faultsAddress, string adminKey)
{
    /// <summary>The faults endpoint beside a stats endpoint (…/emulator/stats → …/emulator/faults).</summary>
    public static Uri BesideStats(Uri statsAddress) => new(statsAddress, "faults");

    public Task StartOutageAsync(TimeSpan length, CancellationToken cancellationToken) =>
        PostAsync(string.Create(CultureInfo.InvariantCulture, $"{{\"outageSeconds\":{length.TotalSeconds}}}"), cancellationToken);

    public Task EndOutageAsync(CancellationToken cancellationToken) => PostAsync("{\"clearOutage\":true}", cancellationToken);

    private async Task PostAsync(string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, faultsAddress)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
