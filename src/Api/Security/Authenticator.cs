using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>Turns the <c>authorization: Bearer &lt;key&gt;</c> metadata of a call into a principal, or refuses the call.</summary>
public sealed class Authenticator(IGrainFactory grains, CredentialCache cache, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Task<CallerPrincipal>> _verifications = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slowHashes = new(Math.Max(1, Environment.ProcessorCount / 2));

    public void Dispose() => _slowHashes.Dispose();

    /// <summary>
    /// Authenticates by API key when the call carries one, otherwise by a client certificate registered for a facility (mutual
    /// TLS); refuses the call when neither identifies a caller.
    /// </summary>
    public async Task<CallerPrincipal> AuthenticateAsync(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null && context.GetHttpContext().Connection.ClientCertificate is { } certificate)
        {
            return await AuthenticateCertificateAsync(certificate);
        }

        return await AuthenticateHeaderAsync(header);
    }

    /// <summary>Authenticates an <c>authorization</c> header value (gRPC metadata or an HTTP header).</summary>
    public async Task<CallerPrincipal> AuthenticateHeaderAsync(string? header)
    {
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(header is null ? AccessRefusalReasons.MissingCredentials : AccessRefusalReasons.MalformedKey, null,
                "Credentials are required: send the API key as 'authorization: Bearer <key>'.");
        }

        var key = header[7..].Trim();
        var fingerprint = CredentialCache.Fingerprint(key);
        if (cache.TryGet(fingerprint, out var cached))
        {
            return cached;
        }

        if (!ApiKeys.TryParse(key, out var keyId, out var secret))
        {
            throw Refuse(AccessRefusalReasons.MalformedKey, null, "The API key is malformed.");
        }

        return await VerifyOnceAsync(fingerprint, keyId, secret);
    }

    /// <summary>The check of a secret against its record; replaced in tests to count how often the slow hash runs.</summary>
    internal Func<CredentialRecord, string, bool> VerifySecret { get; init; } = ApiKeys.Verify;

    /// <summary>
    /// One verification per key at a time: when a busy key's cache entry ends, the requests that arrive meanwhile wait for the
    /// same check instead of each running it (hundreds of requests a second would each burn the slow hash's CPU).
    /// </summary>
    private async Task<CallerPrincipal> VerifyOnceAsync(string fingerprint, string keyId, string secret)
    {
        var mine = new TaskCompletionSource<CallerPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _verifications.GetOrAdd(fingerprint, mine.Task);
        if (running != mine.Task)
        {
            return await running;
        }

        try
        {
            var principal = await VerifyAsync(fingerprint, keyId, secret);
            mine.SetResult(principal);
            return principal;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            _verifications.TryRemove(new KeyValuePair<string, Task<CallerPrincipal>>(fingerprint, mine.Task));
        }
    }

    private async Task<CallerPrincipal> VerifyAsync(string fingerprint, string keyId, string secret)
    {
        var record = await grains.GetGrain<ICredentialGrain>(keyId).Get();
        if (record is null || !(cache.WasVerifiedAgainst(fingerprint, record) || await VerifySlowlyAsync(record, secret)))
        {
            throw Refuse(AccessRefusalReasons.UnknownKey, keyId, "The API key is not known to the hub.");
        }

        if (!record.IsActiveAt(time.GetUtcNow()))
        {
            throw Refuse(record.RevokedAt is null ? AccessRefusalReasons.ExpiredKey : AccessRefusalReasons.RevokedKey, keyId,
                "The API key was revoked or has expired.");
        }

        var principal = new CallerPrincipal(record.Role, record.Scope, record.KeyId);
        cache.Add(fingerprint, record, principal);
        return principal;
    }

    /// <summary>
    /// Runs the slow hash (PBKDF2, tens of milliseconds of CPU) on at most half the cores at once, so that a burst of unknown or
    /// wrong keys cannot take every thread from the requests of keys already verified.
    /// </summary>
    private async Task<bool> VerifySlowlyAsync(CredentialRecord record, string secret)
    {
        await _slowHashes.WaitAsync();
        try
        {
            return VerifySecret(record, secret);
        }
        finally
        {
            _slowHashes.Release();
        }
    }

    private async Task<CallerPrincipal> AuthenticateCertificateAsync(X509Certificate2 certificate)
    {
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var binding = await grains.GetGrain<IClientCertificateGrain>(thumbprint).Get();
        if (binding is null || !binding.IsActiveAt(time.GetUtcNow()))
        {
            throw Refuse(AccessRefusalReasons.UnknownCertificate, "cert:" + thumbprint[..16],
                "The client certificate is not registered with the hub, or it was revoked or is outside its validity.");
        }

        return new CallerPrincipal(CallerRole.Facility, binding.FacilityCode, "cert:" + thumbprint[..16]);
    }

    private static AccessRefusedException Refuse(string reason, string? keyId, string message) =>
        new(reason, keyId, new Status(StatusCode.Unauthenticated, message));
}
