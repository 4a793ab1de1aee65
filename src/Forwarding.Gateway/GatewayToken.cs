namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>A session token of one gateway account. <see cref="ToString"/> hides the secrets.</summary>
/// <param name="Username">The account the token belongs to.</param>
/// <param name="AccessToken">The accessToken header value.</param>
/// <param name="IdToken">The tokenId header value.</param>
/// <param name="ExpiresAt">When the gateway says the token expires (UTC), or the assumed expiry.</param>
/// <param name="RefreshAt">When the client stops using it and asks for a new one.</param>
internal sealed record GatewayToken(string Username, string AccessToken, string IdToken, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt)
{
    public bool IsFreshAt(DateTimeOffset now) => now < RefreshAt;

    public override string ToString() => $"GatewayToken {{ Username = {Username}, ExpiresAt = {ExpiresAt:O} }}";
}
