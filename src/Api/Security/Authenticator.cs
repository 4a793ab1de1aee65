using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>Turns the <c>authorization: Bearer &lt;key&gt;</c> metadata of a call into a principal, or refuses the call.</summary>
public sealed class Authenticator(IGrainFactory grains, CredentialCache cache, TimeProvider time)
{
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
            throw Refuse("Credentials are required: send the API key as 'authorization: Bearer <key>'.");
        }

        var key = header[7..].Trim();
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        if (!ApiKeys.TryParse(key, out var keyId, out var secret))
        {
            throw Refuse("The API key is malformed.");
        }

        var record = await grains.GetGrain<ICredentialGrain>(keyId).Get();
        if (record is null || !ApiKeys.Verify(record, secret))
        {
            throw Refuse("The API key is not known to the hub.");
        }

        if (!record.IsActiveAt(time.GetUtcNow()))
        {
            throw Refuse("The API key was revoked or has expired.");
        }

        var principal = new CallerPrincipal(record.Role, record.Scope, record.KeyId);
        cache.Add(key, principal, record.NotAfter);
        return principal;
    }

    private async Task<CallerPrincipal> AuthenticateCertificateAsync(X509Certificate2 certificate)
    {
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var binding = await grains.GetGrain<IClientCertificateGrain>(thumbprint).Get();
        if (binding is null || !binding.IsActiveAt(time.GetUtcNow()))
        {
            throw Refuse("The client certificate is not registered with the hub, or it was revoked or is outside its validity.");
        }

        return new CallerPrincipal(CallerRole.Facility, binding.FacilityCode, "cert:" + thumbprint[..16]);
    }

    private static RpcException Refuse(string message) => new(new Status(StatusCode.Unauthenticated, message));
}
