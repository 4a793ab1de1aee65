using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Facilities;
using SoSucKhoe.Security;
using Status = Google.Rpc.Status;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Applies an <see cref="AccessRule"/> to a caller: the role must be allowed, a facility caller may act only on itself, a province
/// caller only on its own province (a facility's province is the one it is registered with: codes moved when provinces merged).
/// </summary>
public sealed class Authorizer(IGrainFactory grains)
{
    public const string RoleNotAllowed = "role_not_allowed";
    public const string ScopeMismatch = "scope_mismatch";

    public async Task AuthorizeAsync(CallerPrincipal caller, AccessRule rule, object? request)
    {
        if (!rule.Roles.Contains(caller.Role))
        {
            throw Deny(RoleNotAllowed, $"A {caller.RoleName} key may not call this RPC.");
        }

        if (rule.Resource is not null && request is not null)
        {
            await EnsureScopeAsync(caller, rule.Resource(request));
        }
    }

    /// <summary>For RPCs whose facility is known only from the payload (a dossier's MA_CSKCB).</summary>
    public Task EnsureFacilityAsync(CallerPrincipal caller, string facilityCode) =>
        EnsureScopeAsync(caller, ResourceScope.Facility(facilityCode));

    public async Task EnsureScopeAsync(CallerPrincipal caller, ResourceScope scope)
    {
        switch (caller.Role)
        {
            case CallerRole.Admin:
                return;
            case CallerRole.Facility when scope.FacilityCode is { } facility && facility == caller.Scope:
                return;
            case CallerRole.Province:
                var province = scope.ProvinceCode ?? await ProvinceOfAsync(scope.FacilityCode);
                if (province == caller.Scope)
                {
                    return;
                }

                break;
        }

        throw Deny(ScopeMismatch, caller.Role == CallerRole.Facility
            ? "A facility key may act only for its own facility."
            : "A province key may act only within its own province.");
    }

    private async Task<string?> ProvinceOfAsync(string? facilityCode)
    {
        if (string.IsNullOrEmpty(facilityCode))
        {
            return null;
        }

        var view = await grains.GetGrain<IFacilityGrain>(facilityCode).GetView();
        return view?.ProvinceCode ?? (facilityCode.Length >= 2 ? facilityCode[..2] : null);
    }

    /// <summary>PERMISSION_DENIED with a google.rpc.ErrorInfo carrying <paramref name="reason"/>.</summary>
    public static RpcException Deny(string reason, string message)
    {
        var status = new Status { Code = (int)Code.PermissionDenied, Message = message };
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Reason = reason, Domain = "sosuckhoe" }));
        return status.ToRpcException();
    }
}
