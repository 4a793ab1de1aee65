namespace SoSucKhoe.Facilities;

/// <summary>
/// One health facility, keyed by its 5-character code MA_CSKCB. Holds its registration and gateway account and gates its traffic.
/// </summary>
public interface IFacilityGrain : IGrainWithStringKey
{
    /// <summary>Registers the facility, or updates its registration.</summary>
    Task<FacilityView> Register(FacilityRegistration registration);

    /// <summary>The facility as the hub knows it, or null when it was never registered.</summary>
    Task<FacilityView?> GetView();

    /// <summary>What the forwarder needs to call the gateway on the facility's behalf; null when not registered.</summary>
    Task<ForwardingProfile?> GetForwardingProfile();

    /// <summary>Registers a signing certificate (idempotent by thumbprint); null when the facility is not registered.</summary>
    Task<SigningCertificate?> AddSigningCertificate(SigningCertificate certificate);

    /// <summary>Revokes a signing certificate now; null when the facility has no such certificate.</summary>
    Task<SigningCertificate?> RevokeSigningCertificate(string thumbprint, DateTimeOffset at);

    /// <summary>Every signing certificate the facility registered, revoked ones included.</summary>
    Task<IReadOnlyList<SigningCertificate>> GetSigningCertificates();
}

/// <summary>A registration request.</summary>
/// <param name="GatewayUsername">The facility's account at the national gateway, or null to use the hub's default account.</param>
/// <param name="GatewayPassword">Its password; stored by the hub, never returned.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityRegistration")]
public sealed record FacilityRegistration(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string ProvinceCode,
    [property: Id(3)] string? DistrictCode,
    [property: Id(4)] string? GatewayUsername,
    [property: Id(5)] string? GatewayPassword);

/// <summary>The facility as shown to callers: secrets are never part of it.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityView")]
public sealed record FacilityView(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string ProvinceCode,
    [property: Id(3)] string? DistrictCode,
    [property: Id(4)] bool HasGatewayAccount,
    [property: Id(5)] DateTimeOffset RegisteredAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);

/// <summary>The gateway account and province code used when forwarding for a facility.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ForwardingProfile")]
public sealed record ForwardingProfile(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string ProvinceCode,
    [property: Id(2)] string? GatewayUsername,
    [property: Id(3)] string? GatewayPassword);
