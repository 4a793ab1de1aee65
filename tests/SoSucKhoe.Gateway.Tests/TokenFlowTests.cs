using System.Text.Json;

namespace SoSucKhoe.Gateway.Tests;

public sealed class TokenFlowTests
{
    [Fact]
    public void Password_hash_is_the_upper_case_hex_MD5_of_the_UTF8_password()
    {
        // RFC 1321 test vector: MD5("abc") = 900150983cd24fb0d6963f7d28e17f72.
        Assert.Equal("900150983CD24FB0D6963F7D28E17F72", GatewayPasswordHash.Compute("abc"));
        Assert.Equal(GatewayPasswordHash.Compute("abc"), new GatewayAccount("u", "abc").PasswordHash);
    }

    [Fact]
    public void Account_text_never_shows_the_password()
    {
        var account = new GatewayAccount("bv70001", "Very$ecret");
        Assert.DoesNotContain("Very$ecret", account.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(account.PasswordHash, account.ToString(), StringComparison.Ordinal);
        Assert.Contains("bv70001", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_taken_with_the_MD5_password_and_reused_for_later_calls()
    {
        await using var bed = await GatewayTestBed.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier($"LK-CACHE-{i}")), CancellationToken.None);
            Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        }

        var stats = await bed.StatsAsync();
        Assert.Equal(1, stats.TokensIssued);
        Assert.Equal(3, stats.Dossiers);
        Assert.Equal(0, stats.Unauthorized);
    }

    [Fact]
    public async Task Concurrent_calls_without_a_token_share_one_token_request()
    {
        await using var bed = await GatewayTestBed.StartAsync(emulator: o => o.Faults.Latency = TimeSpan.FromMilliseconds(20));

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn($"LK-STAMPEDE-{i}")), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(GatewayOutcome.Acknowledged, r.Outcome));
        Assert.Equal(1, (await bed.StatsAsync()).TokensIssued);
    }

    [Fact]
    public async Task A_token_the_gateway_expired_is_renewed_once_and_the_call_goes_through()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var first = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-RENEW-1")), CancellationToken.None);
        Assert.Equal(GatewayOutcome.Acknowledged, first.Outcome);

        await bed.SetFaultsAsync(new EmulatorFaultUpdate(ExpireTokens: true));
        var second = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-RENEW-2")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, second.Outcome);
        Assert.Equal(1, second.Attempts);
        var stats = await bed.StatsAsync();
        Assert.Equal(2, stats.TokensIssued);
        Assert.Equal(1, stats.Unauthorized);
        Assert.Equal(2, stats.Dossiers);
    }

    [Fact]
    public async Task A_refused_account_is_a_kept_transient_failure_not_a_rejection_of_the_document()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        var wrong = new GatewayAccount(GatewayTestBed.Username, "not-the-password");

        var result = await bed.Client.SendDossierAsync(
            bed.Submission(TestDocuments.Dossier("LK-WRONG-PW"), account: wrong), CancellationToken.None);

        Assert.Equal(GatewayOutcome.TransientFailure, result.Outcome);
        Assert.True(result.IsAuthorizationFailure);
        Assert.Equal("401", result.MaKetQua);
        Assert.StartsWith(GatewayErrors.Authorization, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Attempts);
        var stats = await bed.StatsAsync();
        Assert.Equal(0, stats.Received);
        Assert.Equal(0, stats.TokensIssued);
    }

    [Theory]
    [InlineData("\"2030-05-03T10:00:00Z\"", "2030-05-03T10:00:00+00:00")]
    [InlineData("\"2030-05-03T10:00:00\"", "2030-05-03T10:00:00+00:00")]
    [InlineData("\"2030-05-03T17:00:00+07:00\"", "2030-05-03T10:00:00+00:00")]
    [InlineData("\"2030-05-03 10:00:00.123\"", "2030-05-03T10:00:00.123+00:00")]
    [InlineData("\"3600\"", "2030-01-01T01:00:00+00:00")]
    [InlineData("3600", "2030-01-01T01:00:00+00:00")]
    public void Expires_in_is_read_as_a_UTC_date_time_or_as_seconds(string json, string expected)
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var document = JsonDocument.Parse(json);

        var expiry = GatewayTokenCache.ReadExpiry(document.RootElement, now);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), expiry);
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("-5")]
    public void Unreadable_expires_in_yields_no_expiry_so_the_fallback_lifetime_applies(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Null(GatewayTokenCache.ReadExpiry(document.RootElement, DateTimeOffset.UtcNow));
    }
}
