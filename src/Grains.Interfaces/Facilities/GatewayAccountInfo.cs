namespace SoSucKhoe.Facilities;

/// <summary>The facility's account at the national gateway, as shown: the secret is never part of it.</summary>
/// <param name="EgressAddress">The hub's outgoing address registered with the gateway for this account, if recorded.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.GatewayAccountInfo")]
public sealed record GatewayAccountInfo(
    [property: Id(0)] string Username,
    [property: Id(1)] string? EgressAddress,
    [property: Id(2)] DateTimeOffset UpdatedAt);
