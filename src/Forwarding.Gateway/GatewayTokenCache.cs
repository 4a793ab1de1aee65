using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// Caches one session token per gateway account (user name) until shortly before its expiry, and makes sure only one token
/// request per account is in flight at a time (no stampede when many calls find the token stale together).
/// </summary>
internal sealed class GatewayTokenCache(
    IHttpClientFactory httpClientFactory,
    IOptions<GatewayOptions> options,
    TimeProvider timeProvider,
    ILogger<GatewayTokenCache> logger)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The cached token of the account, or a new one when none is fresh.</summary>
    public async ValueTask<GatewayToken> GetAsync(GatewayAccount account, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(account.Username, static _ => new Slot());
        var token = slot.Token;
        if (token is not null && token.IsFreshAt(timeProvider.GetUtcNow()))
        {
            return token;
        }

        return await RefreshAsync(slot, account, stale: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces a token the gateway refused. When another call already renewed it, the newer token is returned without asking
    /// the gateway again.
    /// </summary>
    public async ValueTask<GatewayToken> RenewAsync(GatewayAccount account, GatewayToken refused, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(account.Username, static _ => new Slot());
        return await RefreshAsync(slot, account, refused, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<GatewayToken> RefreshAsync(Slot slot, GatewayAccount account, GatewayToken? stale, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = slot.Token;
            if (current is not null && !ReferenceEquals(current, stale) && current.IsFreshAt(timeProvider.GetUtcNow()))
            {
                return current;
            }

            var token = await RequestAsync(account, cancellationToken).ConfigureAwait(false);
            slot.Token = token;
            return token;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<GatewayToken> RequestAsync(GatewayAccount account, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = httpClientFactory.CreateClient(GatewayClient.HttpClientName);
        using var content = new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("username", account.Username),
            new KeyValuePair<string, string>("password", account.PasswordHash),
        ]);
        using var response = await http.PostAsync(settings.TokenPath, content, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        if (GatewayClient.IsRetryableStatus(status))
        {
            throw new GatewayHttpStatusException(status);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new GatewayAuthorizationException(((int)status).ToString(CultureInfo.InvariantCulture), null);
            }

            throw new GatewayBadResponseException($"The token service answered HTTP {(int)status} without JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            var maKetQua = GatewayJson.GetString(root, "maKetQua");
            var thongDiep = GatewayJson.GetString(root, "thongDiep");
            if (maKetQua != GatewayResultCodes.Success || !response.IsSuccessStatusCode)
            {
                GatewayLog.TokenRefused(logger, settings.StandardVersion, account.Username, maKetQua, (int)status);
                throw new GatewayAuthorizationException(maKetQua ?? ((int)status).ToString(CultureInfo.InvariantCulture), thongDiep);
            }

            if (!GatewayJson.TryGetProperty(root, "APIKey", out var apiKey) || apiKey.ValueKind != JsonValueKind.Object)
            {
                throw new GatewayBadResponseException("The token service answered without APIKey.");
            }

            var accessToken = GatewayJson.GetString(apiKey, "access_token");
            var idToken = GatewayJson.GetString(apiKey, "id_token");
            if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(idToken))
            {
                throw new GatewayBadResponseException("The token service answered without access_token or id_token.");
            }

            var now = timeProvider.GetUtcNow();
            GatewayJson.TryGetProperty(apiKey, "expires_in", out var expiresIn);
            var expiresAt = ReadExpiry(expiresIn, now);
            var refreshAt = expiresAt is { } known ? known - settings.TokenRefreshMargin : now + settings.FallbackTokenLifetime;
            if (refreshAt <= now)
            {
                // The announced expiry is unreadable, already past or inside the margin (clock skew): use the fallback
                // lifetime; a 401 from the gateway still renews the token early.
                GatewayLog.TokenExpiryUnusable(logger, account.Username, settings.FallbackTokenLifetime);
                refreshAt = now + settings.FallbackTokenLifetime;
            }

            GatewayLog.TokenIssued(logger, settings.StandardVersion, account.Username, expiresAt ?? refreshAt);
            return new GatewayToken(account.Username, accessToken, idToken, expiresAt ?? refreshAt, refreshAt);
        }
    }

    /// <summary>
    /// Reads expires_in: an ISO-8601 date-time (UTC unless an offset is written), or a number of seconds from now.
    /// </summary>
    internal static DateTimeOffset? ReadExpiry(JsonElement value, DateTimeOffset now)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var seconds) && seconds > 0 && seconds < 10 * 365 * 86400d:
                return now + TimeSpan.FromSeconds(seconds);
            case JsonValueKind.String:
                var text = value.GetString()?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var secondsText)
                    && secondsText > 0 && secondsText < 10 * 365 * 86400d)
                {
                    return now + TimeSpan.FromSeconds(secondsText);
                }

                if (DateTimeOffset.TryParse(
                        text,
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces,
                        out var parsed))
                {
                    return parsed;
                }

                return null;
            default:
                return null;
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile GatewayToken? Token;
    }
}
