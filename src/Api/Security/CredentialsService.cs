using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Facilities;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Security;
using static SoSucKhoe.Api.V1.Credentials;

namespace SoSucKhoe.Api.Security;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>API keys (proto service sosuckhoe.v1.Credentials). Access rules live in <see cref="AccessPolicy"/>.</summary>
[BindServiceMethod(typeof(GuardedBinding<CredentialsBase>), nameof(GuardedBinding<CredentialsBase>.BindService))]
public sealed class CredentialsService(
    CredentialIssuer credentials,
    Authorizer authorizer,
    IGrainFactory grains,
    Microsoft.Extensions.Options.IOptions<SecurityOptions> options) : CredentialsBase
{
    private static readonly TimeSpan MaxGrace = TimeSpan.FromDays(30);

    public override async Task<IssuedKey> IssueFacilityKey(IssueFacilityKeyRequest request, ServerCallContext context)
    {
        var facility = await RequireFacilityAsync(request.FacilityCode);
        var (key, record) = await credentials.IssueAsync(CallerRole.Facility, facility, Label(request.Label), CallerPrincipal.From(context));
        return new IssuedKey { Key = key, Info = ToInfo(record) };
    }

    public override async Task<IssuedKey> RotateFacilityKey(RotateFacilityKeyRequest request, ServerCallContext context)
    {
        var facility = await RequireFacilityAsync(request.FacilityCode);
        var grace = request.GracePeriod?.ToTimeSpan() ?? options.Value.DefaultRotationGrace;
        if (grace < TimeSpan.Zero || grace > MaxGrace)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "grace_period", ViolationRules.NumberFormat, "grace_period must be between 0 and 30 days.");
        }

        var (key, record) = await credentials.RotateAsync(CallerRole.Facility, facility, Label(request.Label), grace, CallerPrincipal.From(context));
        return new IssuedKey { Key = key, Info = ToInfo(record) };
    }

    public override async Task<IssuedKey> IssueProvinceKey(IssueProvinceKeyRequest request, ServerCallContext context)
    {
        if (request.ProvinceCode is not { Length: 2 } || !request.ProvinceCode.All(char.IsAsciiDigit))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "province_code", ViolationRules.CodeList, "The province code must be 2 digits.");
        }

        var (key, record) = await credentials.IssueAsync(CallerRole.Province, request.ProvinceCode, Label(request.Label), CallerPrincipal.From(context));
        return new IssuedKey { Key = key, Info = ToInfo(record) };
    }

    public override async Task<IssuedKey> IssueAdminKey(IssueAdminKeyRequest request, ServerCallContext context)
    {
        var (key, record) = await credentials.IssueAsync(CallerRole.Admin, "hub", Label(request.Label), CallerPrincipal.From(context));
        return new IssuedKey { Key = key, Info = ToInfo(record) };
    }

    public override async Task<KeyInfo> RevokeKey(RevokeKeyRequest request, ServerCallContext context)
    {
        var caller = CallerPrincipal.From(context);
        var record = await credentials.GetAsync(request.KeyId ?? string.Empty)
            ?? throw ApiErrors.NotFound("No such key.", "api_key", request.KeyId ?? string.Empty);
        if (caller.Role != CallerRole.Admin)
        {
            // A province revokes only keys of facilities in its own province.
            if (record.Role != CallerRole.Facility)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "A province key may revoke only facility keys."));
            }

            await authorizer.EnsureFacilityAsync(caller, record.Scope);
        }

        return ToInfo((await credentials.RevokeAsync(record.KeyId, caller))!);
    }

    public override async Task<ListKeysResponse> ListFacilityKeys(ListFacilityKeysRequest request, ServerCallContext context)
    {
        var facility = await RequireFacilityAsync(request.FacilityCode);
        var response = new ListKeysResponse();
        response.Keys.AddRange((await credentials.ListAsync(CallerRole.Facility, facility)).Select(ToInfo));
        return response;
    }

    public override async Task<ClientCertificateInfo> RegisterClientCertificate(RegisterClientCertificateRequest request, ServerCallContext context)
    {
        var facility = await RequireFacilityAsync(request.FacilityCode);
        using (var certificate = RegistryLookups.ParsePublicCertificate(request.CertificatePem))
        {
            var binding = await credentials.BindCertificateAsync(certificate, facility, CallerPrincipal.From(context));
            return ToInfo(binding);
        }
    }

    public override async Task<ClientCertificateInfo> RevokeClientCertificate(RevokeClientCertificateRequest request, ServerCallContext context)
    {
        var facility = await RequireFacilityAsync(request.FacilityCode);
        var binding = await credentials.RevokeCertificateAsync(request.ThumbprintSha256 ?? string.Empty, facility, CallerPrincipal.From(context))
            ?? throw ApiErrors.NotFound("No such client certificate is registered for the facility.", "client_certificate", request.ThumbprintSha256 ?? string.Empty);
        return ToInfo(binding);
    }

    private async Task<string> RequireFacilityAsync(string code) =>
        (await RegistryLookups.RequireFacilityAsync(grains, code)).View.FacilityCode;

    private static string Label(string? label) => string.IsNullOrWhiteSpace(label) ? "unlabelled" : label.Trim()[..Math.Min(100, label.Trim().Length)];

    private static ClientCertificateInfo ToInfo(ClientCertificateBinding binding) => new()
    {
        ThumbprintSha256 = binding.Thumbprint,
        FacilityCode = binding.FacilityCode,
        Subject = binding.Subject,
        NotBefore = Timestamp.FromDateTimeOffset(binding.NotBefore),
        NotAfter = Timestamp.FromDateTimeOffset(binding.NotAfter),
        RevokedAt = binding.RevokedAt is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
    };

    internal static KeyInfo ToInfo(CredentialRecord record) => new()
    {
        KeyId = record.KeyId,
        Role = record.Role.ToString().ToLowerInvariant(),
        Scope = record.Scope,
        Label = record.Label,
        IssuedAt = Timestamp.FromDateTimeOffset(record.IssuedAt),
        NotAfter = record.NotAfter is { } end ? Timestamp.FromDateTimeOffset(end) : null,
        RevokedAt = record.RevokedAt is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
        Active = record.IsActiveAt(DateTimeOffset.UtcNow),
    };
}
