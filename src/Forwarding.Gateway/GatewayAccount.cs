namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// The gateway account a facility was issued. The password travels only as its upper-case MD5 hex (form field
/// <c>password</c> of the token call, header <c>passwordHash</c> of the data calls) and never reaches a log:
/// <see cref="ToString"/> shows the user name only. The hash is computed once, when the password is set: the forwarder sends
/// it with every document.
/// </summary>
public sealed record GatewayAccount
{
    private readonly string _password = string.Empty;

    /// <summary>Creates the account of <paramref name="username"/> with its clear <paramref name="password"/>.</summary>
    public GatewayAccount(string username, string password)
    {
        Username = username;
        Password = password;
    }

    /// <summary>The gateway user name (usually the facility code).</summary>
    public string Username { get; init; }

    /// <summary>The clear password; setting it computes <see cref="PasswordHash"/>.</summary>
    public string Password
    {
        get => _password;
        init
        {
            _password = value;
            PasswordHash = GatewayPasswordHash.Compute(value);
        }
    }

    /// <summary>The upper-case MD5 hex of <see cref="Password"/>, as the gateway expects it.</summary>
    public string PasswordHash { get; private init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"GatewayAccount {{ Username = {Username} }}";
}
