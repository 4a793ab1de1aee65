using Grpc.Core;
using Microsoft.Extensions.Options;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Facilities;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// Decides which province a Monitoring request reads and whether the caller may: the access rule lets only province and admin
/// keys in; here an empty province code becomes the caller's province (province key) or the hub's (admin key), and a province key
/// asking about another province is refused with PERMISSION_DENIED (scope_mismatch).
/// </summary>
public sealed class MonitoringScope(IOptions<ReadinessOptions> readiness, Authorizer authorizer)
{
    /// <summary>The province the hub serves today (configuration "Readiness:ProvinceCode", default "75", the new Đồng Nai).</summary>
    public string HubProvince => readiness.Value.ProvinceCode;

    /// <summary>The province a request reads, after validating its format and the caller's scope.</summary>
    public async Task<string> ResolveAsync(ServerCallContext context, string? requested, List<Violation>? violations = null)
    {
        var caller = CallerPrincipal.From(context);
        var own = violations ?? [];
        var province = string.IsNullOrEmpty(requested)
            ? caller.Role == CallerRole.Province ? caller.Scope : HubProvince
            : requested;
        if (!IsProvinceCode(province))
        {
            own.Add(new Violation("REQUEST", "province_code", MonitoringRules.ProvinceCodeFormat, "province_code must be 2 digits."));
        }

        if (own.Count > 0)
        {
            throw ApiErrors.InvalidArgument("The request is not valid", own);
        }

        await authorizer.EnsureScopeAsync(caller, ResourceScope.Province(province));
        return province;
    }

    /// <summary>True for 2 ASCII digits.</summary>
    public static bool IsProvinceCode(string? code) => code is { Length: 2 } && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]);

    /// <summary>True for 3 ASCII digits.</summary>
    public static bool IsDistrictCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiDigit);
}
