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
        if (!FacilityCode.TryParse(request.FacilityCode, out var code, out var reason))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "facility_code", ViolationRules.FacilityCodeStructure, reason!);
        }

        var view = await grains.GetGrain<IFacilityGrain>(code.Value).GetView()
            ?? throw ApiErrors.NotFound($"Facility {code.Value} is not registered.", "facility", code.Value);
        return ToMessage(view);
    }

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
