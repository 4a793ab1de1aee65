namespace SoSucKhoe.Grains.Gateway;

/// <summary>
/// The gateway account a facility was issued. The password travels only as its upper-case MD5 hex (form field
/// <c>password</c> of the token call, header <c>passwordHash</c> of the data calls) and never reaches a log:
/// <see cref="ToString"/> shows the user name only.
/// </summary>
public sealed record GatewayAccount(string Username, string Password)
{
    /// <summary>The upper-case MD5 hex of <see cref="Password"/>, as the gateway expects it.</summary>
    public string PasswordHash => GatewayPasswordHash.Compute(Password);

    /// <inheritdoc />
    public override string ToString() => $"GatewayAccount {{ Username = {Username} }}";
}
