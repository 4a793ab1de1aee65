using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>The facility or province a request is about, as far as the request itself says.</summary>
public readonly record struct ResourceScope(string? FacilityCode, string? ProvinceCode)
{
    public static ResourceScope Facility(string? facilityCode) => new(facilityCode ?? string.Empty, null);

    public static ResourceScope Province(string? provinceCode) => new(null, provinceCode ?? string.Empty);
}

/// <summary>Who may call one RPC, and on what.</summary>
/// <param name="Roles">The roles allowed; empty for a public method.</param>
/// <param name="Resource">
/// Reads the facility or province the request is about; a facility caller must be that facility, a province caller must be that
/// province (or the facility's registered province). Null when the RPC has no per-request resource, or when the service checks
/// it once it knows it (<see cref="CheckedByService"/>).
/// </param>
/// <param name="CheckedByService">
/// The resource is only known after reading the payload (the MA_CSKCB inside a dossier): the service calls
/// <see cref="Authorizer"/> with it before anything else happens.
/// </param>
public sealed record AccessRule(IReadOnlySet<CallerRole> Roles, Func<object, ResourceScope>? Resource, bool CheckedByService)
{
    /// <summary>True for methods any caller may use without a key (health, reflection).</summary>
    public bool IsPublic => Roles.Count == 0;
}
