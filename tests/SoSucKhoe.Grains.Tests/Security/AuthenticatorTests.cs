using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Security;

namespace SoSucKhoe.Grains.Tests.Security;

/// <summary>
/// API keys against real credential grains: the slow hash runs once per key, not again when the cache entry is renewed, and
/// not once per waiting request; a key revoked elsewhere stops within the cache's lifetime; a wrong secret is never let through
/// by an earlier success of the right one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthenticatorTests(ClusterFixture fixture)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7)));
    private int _slowHashes;

    [Fact]
    public async Task A_key_is_hashed_once_and_its_renewal_after_the_lifetime_reads_the_record_without_hashing_again()
    {
        var (key, record) = await IssueAsync();
        var authenticator = NewAuthenticator(out _);

        var first = await authenticator.AuthenticateHeaderAsync(Bearer(key));
        _time.Advance(TimeSpan.FromSeconds(10));
        await authenticator.AuthenticateHeaderAsync(Bearer(key));
        _time.Advance(CredentialCache.Lifetime);
        var renewed = await authenticator.AuthenticateHeaderAsync(Bearer(key));

        Assert.Equal(1, _slowHashes);
        Assert.Equal(new CallerPrincipal(CallerRole.Facility, record.Scope, record.KeyId), first);
        Assert.Equal(first, renewed);
    }

    [Fact]
    public async Task A_key_revoked_on_another_node_is_refused_once_the_entry_ends_although_the_secret_matched_before()
    {
        var (key, record) = await IssueAsync();
        var authenticator = NewAuthenticator(out _);
        await authenticator.AuthenticateHeaderAsync(Bearer(key));

        // Revoked through the grain, as another node would: this node's cache is not told.
        await fixture.Grains.GetGrain<ICredentialGrain>(record.KeyId).Revoke(_time.GetUtcNow());
        _time.Advance(CredentialCache.Lifetime + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<AccessRefusedException>(() => authenticator.AuthenticateHeaderAsync(Bearer(key)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("revoked", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((AccessRefusalReasons.RevokedKey, record.KeyId), (error.Reason, error.KeyId));
        Assert.Equal(1, _slowHashes);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_verified_key_id_is_hashed_and_refused()
    {
        var (key, _) = await IssueAsync();
        var authenticator = NewAuthenticator(out _);
        await authenticator.AuthenticateHeaderAsync(Bearer(key));
        var wrong = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var error = await Assert.ThrowsAsync<AccessRefusedException>(() => authenticator.AuthenticateHeaderAsync(Bearer(wrong)));
        _time.Advance(CredentialCache.Lifetime + TimeSpan.FromSeconds(1));
        var again = await Assert.ThrowsAsync<AccessRefusedException>(() => authenticator.AuthenticateHeaderAsync(Bearer(wrong)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, again.StatusCode);
        Assert.Equal(AccessRefusalReasons.UnknownKey, again.Reason);
        Assert.DoesNotContain(wrong[^8..], again.KeyId, StringComparison.Ordinal);
        Assert.Equal(3, _slowHashes);
    }

    [Fact]
    public async Task Requests_that_arrive_while_a_key_is_being_verified_wait_for_that_one_verification()
    {
        var (key, record) = await IssueAsync();
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var authenticator = new Authenticator(fixture.Grains, new CredentialCache(_time), _time)
        {
            VerifySecret = (stored, secret) =>
            {
                entered.Set();
                gate.Wait(TimeSpan.FromSeconds(30));
                Interlocked.Increment(ref _slowHashes);
                return ApiKeys.Verify(stored, secret);
            },
        };

        // The first call starts the verification on another thread (its grain read may complete synchronously, and the hash
        // would then block the caller); the others arrive while that verification is held inside the hash.
        var first = Task.Run(() => authenticator.AuthenticateHeaderAsync(Bearer(key)));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the first call never reached the hash");
        var calls = Enumerable.Range(0, 19).Select(_ => authenticator.AuthenticateHeaderAsync(Bearer(key))).Prepend(first).ToList();
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        gate.Set();
        var principals = await Task.WhenAll(calls);

        Assert.Equal(1, _slowHashes);
        Assert.All(principals, principal => Assert.Equal(record.KeyId, principal.KeyId));
    }

    [Fact]
    public async Task A_key_invalidated_on_this_node_is_hashed_again_on_its_next_use()
    {
        var (key, record) = await IssueAsync();
        var authenticator = NewAuthenticator(out var cache);
        await authenticator.AuthenticateHeaderAsync(Bearer(key));

        cache.Invalidate(record.KeyId);
        await authenticator.AuthenticateHeaderAsync(Bearer(key));

        Assert.Equal(2, _slowHashes);
    }

    [Theory]
    [InlineData(null, AccessRefusalReasons.MissingCredentials)]
    [InlineData("Basic c3NrMQ==", AccessRefusalReasons.MalformedKey)]
    [InlineData("Bearer ssk1.not-a-key-id.secretsecretsecretsecretsecretsecret", AccessRefusalReasons.MalformedKey)]
    public async Task A_call_without_a_well_formed_key_is_refused_with_its_reason_and_no_key_id(string? header, string reason)
    {
        var authenticator = NewAuthenticator(out _);

        var error = await Assert.ThrowsAsync<AccessRefusedException>(() => authenticator.AuthenticateHeaderAsync(header));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(reason, error.Reason);
        Assert.Null(error.KeyId);
        Assert.Equal(0, _slowHashes);
    }

    [Fact]
    public async Task A_key_id_no_grain_knows_is_refused_as_unknown()
    {
        var (key, _) = ApiKeys.Create(CallerRole.Facility, "70999", "never stored", _time.GetUtcNow());
        var authenticator = NewAuthenticator(out _);

        var error = await Assert.ThrowsAsync<AccessRefusedException>(() => authenticator.AuthenticateHeaderAsync(Bearer(key)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("not known", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessRefusalReasons.UnknownKey, error.Reason);
        Assert.True(ApiKeys.TryParse(key, out var keyId, out _));
        Assert.Equal(keyId, error.KeyId);
        Assert.Equal(0, _slowHashes);
    }

    private Authenticator NewAuthenticator(out CredentialCache cache)
    {
        cache = new CredentialCache(_time);
        return new Authenticator(fixture.Grains, cache, _time)
        {
            VerifySecret = (stored, secret) =>
            {
                Interlocked.Increment(ref _slowHashes);
                return ApiKeys.Verify(stored, secret);
            },
        };
    }

    private async Task<(string Key, CredentialRecord Record)> IssueAsync()
    {
        var (key, record) = ApiKeys.Create(CallerRole.Facility, "70001", "authenticator tests", _time.GetUtcNow());
        Assert.True(await fixture.Grains.GetGrain<ICredentialGrain>(record.KeyId).Create(record));
        return (key, record);
    }

    private static string Bearer(string key) => "Bearer " + key;
}
