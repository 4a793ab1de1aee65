using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Facilities;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Issues, rotates and revokes API keys, and records each change in the audit trail. The key is returned once, to the caller
/// that asked for it; the hub keeps only its salted hash.
/// </summary>
public sealed partial class CredentialIssuer(
    IGrainFactory grains,
    CredentialCache cache,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<CredentialIssuer> logger)
{
    public async Task<(string Key, CredentialRecord Record)> IssueAsync(CallerRole role, string scope, string label, CallerPrincipal? actor)
    {
        var (key, record) = ApiKeys.Create(role, scope, label, time.GetUtcNow());
        await StoreAsync(record);
        await AuditAsync(AuditActions.CredentialIssued, actor, record, $"Issued a {record.Role.ToString().ToLowerInvariant()} key ({label}).");
        LogIssued(logger, record.KeyId, record.Role, record.Scope);
        return (key, record);
    }

    /// <summary>Issues a new key and ends the principal's other active keys after <paramref name="grace"/>.</summary>
    public async Task<(string Key, CredentialRecord Record)> RotateAsync(CallerRole role, string scope, string label, TimeSpan grace,
        CallerPrincipal actor)
    {
        var now = time.GetUtcNow();
        var (key, record) = ApiKeys.Create(role, scope, label, now);
        var previous = await grains.GetGrain<ICredentialIndexGrain>(record.Principal).List();
        await StoreAsync(record);
        foreach (var keyId in previous)
        {
            var ended = await grains.GetGrain<ICredentialGrain>(keyId).ExpireAt(now + grace);
            if (ended is not null)
            {
                cache.Invalidate(keyId);
            }
        }

        await AuditAsync(AuditActions.CredentialRotated, actor, record,
            $"Rotated: new key {record.KeyId}; {previous.Count} earlier key(s) end after {grace.TotalHours:0.##} h.");
        LogRotated(logger, record.KeyId, record.Scope, previous.Count);
        return (key, record);
    }

    public async Task<CredentialRecord?> RevokeAsync(string keyId, CallerPrincipal actor)
    {
        var record = await grains.GetGrain<ICredentialGrain>(keyId).Revoke(time.GetUtcNow());
        cache.Invalidate(keyId);
        if (record is not null)
        {
            await AuditAsync(AuditActions.CredentialRevoked, actor, record, $"Revoked key {keyId}.");
            LogRevoked(logger, keyId, record.Scope);
        }

        return record;
    }

    /// <summary>Binds a client certificate to a facility (mutual TLS) and records it in the audit trail.</summary>
    public async Task<ClientCertificateBinding> BindCertificateAsync(X509Certificate2 certificate, string facilityCode, CallerPrincipal actor)
    {
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var binding = new ClientCertificateBinding(thumbprint, facilityCode, certificate.Subject,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            time.GetUtcNow(), null);
        var grain = grains.GetGrain<IClientCertificateGrain>(thumbprint);
        if (!await grain.Bind(binding))
        {
            var existing = await grain.Get();
            if (existing?.FacilityCode != facilityCode)
            {
                throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.AlreadyExists,
                    "This certificate is already registered (for this or another facility)."));
            }

            return existing;
        }

        await AuditCertificateAsync(AuditActions.CredentialIssued, actor, binding, $"Registered client certificate {thumbprint[..16]}.");
        return binding;
    }

    public async Task<ClientCertificateBinding?> RevokeCertificateAsync(string thumbprint, string facilityCode, CallerPrincipal actor)
    {
        var grain = grains.GetGrain<IClientCertificateGrain>(thumbprint.ToUpperInvariant());
        if (await grain.Get() is not { } binding || binding.FacilityCode != facilityCode)
        {
            return null;
        }

        var revoked = await grain.Revoke(time.GetUtcNow());
        await AuditCertificateAsync(AuditActions.CredentialRevoked, actor, binding, $"Revoked client certificate {binding.Thumbprint[..16]}.");
        return revoked;
    }

    private async Task AuditCertificateAsync(string action, CallerPrincipal actor, ClientCertificateBinding binding, string details) =>
        await audit.AppendAsync(new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            ActorRole = actor.RoleName,
            ActorId = actor.KeyId,
            FacilityCode = binding.FacilityCode,
            ProvinceCode = (await grains.GetGrain<IFacilityGrain>(binding.FacilityCode).GetView())?.ProvinceCode,
            Outcome = AuditOutcomes.Ok,
            Details = details,
        });

    public Task<CredentialRecord?> GetAsync(string keyId) => grains.GetGrain<ICredentialGrain>(keyId).Get();

    public async Task<IReadOnlyList<CredentialRecord>> ListAsync(CallerRole role, string scope)
    {
        var keyIds = await grains.GetGrain<ICredentialIndexGrain>(PrincipalKey.Create(role, scope)).List();
        var records = await Task.WhenAll(keyIds.Select(id => grains.GetGrain<ICredentialGrain>(id).Get()));
        return records.OfType<CredentialRecord>().OrderBy(r => r.IssuedAt).ToList();
    }

    /// <summary>Registers a key that came from configuration (the bootstrap admin key); false when it was already registered.</summary>
    public async Task<bool> RegisterExistingAsync(string key, CallerRole role, string scope, string label)
    {
        var record = ApiKeys.RecordFor(key, role, scope, label, time.GetUtcNow());
        if (await grains.GetGrain<ICredentialGrain>(record.KeyId).Get() is not null)
        {
            return false;
        }

        await StoreAsync(record);
        await AuditAsync(AuditActions.CredentialIssued, null, record, "Registered the bootstrap admin key from configuration.");
        return true;
    }

    private async Task StoreAsync(CredentialRecord record)
    {
        if (!await grains.GetGrain<ICredentialGrain>(record.KeyId).Create(record))
        {
            throw new InvalidOperationException("A key id collision occurred; issue the key again.");
        }

        await grains.GetGrain<ICredentialIndexGrain>(record.Principal).Add(record.KeyId);
    }

    private async Task AuditAsync(string action, CallerPrincipal? actor, CredentialRecord record, string details)
    {
        var province = record.Role switch
        {
            CallerRole.Province => record.Scope,
            CallerRole.Facility => (await grains.GetGrain<IFacilityGrain>(record.Scope).GetView())?.ProvinceCode,
            _ => null,
        };
        await audit.AppendAsync(new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            ActorRole = actor?.RoleName ?? AuditActorRoles.System,
            ActorId = actor?.KeyId ?? "hub",
            FacilityCode = record.Role == CallerRole.Facility ? record.Scope : null,
            ProvinceCode = province,
            Outcome = AuditOutcomes.Ok,
            Details = details,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued key {KeyId} ({Role} {Scope})")]
    private static partial void LogIssued(ILogger logger, string keyId, CallerRole role, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotated keys of {Scope}: new key {KeyId}, {Previous} earlier key(s) end after the grace period")]
    private static partial void LogRotated(ILogger logger, string keyId, string scope, int previous);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked key {KeyId} of {Scope}")]
    private static partial void LogRevoked(ILogger logger, string keyId, string scope);
}
