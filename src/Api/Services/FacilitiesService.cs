using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Audit;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Facilities;
using static Google.Protobuf.WellKnownTypes.Timestamp;

namespace SoSucKhoe.Api.Services;

/// <summary>The facility registry (proto service sosuckhoe.v1.Facilities).</summary>
public sealed class FacilitiesService(IGrainFactory grains, IAuditTrail audit, TimeProvider time) : V1.Facilities.FacilitiesBase
{
    public override async Task<Facility> RegisterFacility(RegisterFacilityRequest request, ServerCallContext context)
    {
        var violations = new List<Violation>();
        if (!FacilityCode.TryParse(request.FacilityCode, out var code, out var reason))
        {
            violations.Add(new Violation("REQUEST", "facility_code", ViolationRules.FacilityCodeStructure, reason!));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 255)
        {
            violations.Add(new Violation("REQUEST", "name", ViolationRules.Required, "The facility name is required (at most 255 characters)."));
        }

        var province = string.IsNullOrEmpty(request.ProvinceCode) && violations.Count == 0
            ? code.ProvinceCode
            : request.ProvinceCode;
        if (province is not { Length: 2 } || !province.All(char.IsAsciiDigit))
        {
            violations.Add(new Violation("REQUEST", "province_code", ViolationRules.CodeList, "The province code must be 2 digits."));
        }

        if (request.DistrictCode is { Length: > 0 } district && (district.Length != 3 || !district.All(char.IsAsciiDigit)))
        {
            violations.Add(new Violation("REQUEST", "district_code", ViolationRules.CodeList, "The district code must be 3 digits."));
        }

        if (string.IsNullOrEmpty(request.GatewayUsername) != string.IsNullOrEmpty(request.GatewayPassword))
        {
            violations.Add(new Violation("REQUEST", "gateway_password", ViolationRules.Required,
                "A gateway account needs both a username and a password."));
        }

        if (violations.Count > 0)
        {
            throw ApiErrors.InvalidArgument("The facility registration is invalid", violations);
        }

        var facility = grains.GetGrain<IFacilityGrain>(code.Value);
        var existed = await facility.GetView() is not null;
        var view = await facility.Register(new FacilityRegistration(
            code.Value,
            request.Name.Trim(),
            province,
            string.IsNullOrEmpty(request.DistrictCode) ? null : request.DistrictCode,
            string.IsNullOrEmpty(request.GatewayUsername) ? null : request.GatewayUsername,
            string.IsNullOrEmpty(request.GatewayPassword) ? null : request.GatewayPassword));
        var caller = CallerPrincipal.From(context);
        await audit.AppendAsync(new Audit.AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            Action = existed ? AuditActions.FacilityUpdated : AuditActions.FacilityRegistered,
            ActorRole = caller.RoleName,
            ActorId = caller.KeyId,
            FacilityCode = view.FacilityCode,
            ProvinceCode = view.ProvinceCode,
            Outcome = AuditOutcomes.Ok,
            Details = (existed ? "Registration updated" : "Facility registered")
                + (string.IsNullOrEmpty(request.GatewayUsername) ? "." : "; gateway account set."),
        }, context.CancellationToken);
        return ToMessage(view);
    }

    public override async Task<Facility> GetFacility(GetFacilityRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var message = ToMessage(view);
        message.SigningCertificates.AddRange((await facility.GetSigningCertificates()).Select(ToMessage));
        return message;
    }

    public override async Task<V1.SigningCertificate> AddSigningCertificate(AddSigningCertificateRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        using (var certificate = RegistryLookups.ParsePublicCertificate(request.CertificatePem))
        {
            var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            var owner = await grains.GetGrain<ISigningCertificateIndexGrain>(thumbprint).Claim(view.FacilityCode);
            if (owner != view.FacilityCode)
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.AlreadyExists, "This certificate is registered for another facility."));
            }

            var added = await facility.AddSigningCertificate(new Facilities.SigningCertificate(thumbprint, certificate.Subject,
                new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
                time.GetUtcNow(), null));
            await AuditAsync(context, view, $"Signing certificate {thumbprint[..16]} added.");
            return ToMessage(added!);
        }
    }

    public override async Task<V1.SigningCertificate> RevokeSigningCertificate(RevokeSigningCertificateRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var revoked = await facility.RevokeSigningCertificate((request.ThumbprintSha256 ?? string.Empty).ToUpperInvariant(), time.GetUtcNow())
            ?? throw ApiErrors.NotFound("The facility has no such signing certificate.", "signing_certificate", request.ThumbprintSha256 ?? string.Empty);
        await AuditAsync(context, view, $"Signing certificate {revoked.Thumbprint[..16]} revoked.");
        return ToMessage(revoked);
    }

    private Task<(IFacilityGrain Grain, FacilityView View)> RequireFacilityAsync(string code) =>
        RegistryLookups.RequireFacilityAsync(grains, code);

    private Task AuditAsync(ServerCallContext context, FacilityView view, string details)
    {
        var caller = CallerPrincipal.From(context);
        return audit.AppendAsync(new Audit.AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            Action = AuditActions.FacilityUpdated,
            ActorRole = caller.RoleName,
            ActorId = caller.KeyId,
            FacilityCode = view.FacilityCode,
            ProvinceCode = view.ProvinceCode,
            Outcome = AuditOutcomes.Ok,
            Details = details,
        }, context.CancellationToken);
    }

    private static V1.SigningCertificate ToMessage(Facilities.SigningCertificate certificate) => new()
    {
        ThumbprintSha256 = certificate.Thumbprint,
        Subject = certificate.Subject,
        NotBefore = FromDateTimeOffset(certificate.NotBefore),
        NotAfter = FromDateTimeOffset(certificate.NotAfter),
        AddedAt = FromDateTimeOffset(certificate.AddedAt),
        RevokedAt = certificate.RevokedAt is { } revoked ? FromDateTimeOffset(revoked) : null,
    };

    internal static Facility ToMessage(FacilityView view) => new()
    {
        FacilityCode = view.FacilityCode,
        Name = view.Name,
        ProvinceCode = view.ProvinceCode,
        DistrictCode = view.DistrictCode ?? string.Empty,
        HasGatewayAccount = view.HasGatewayAccount,
        RegisteredAt = FromDateTimeOffset(view.RegisteredAt),
        UpdatedAt = FromDateTimeOffset(view.UpdatedAt),
    };
}
