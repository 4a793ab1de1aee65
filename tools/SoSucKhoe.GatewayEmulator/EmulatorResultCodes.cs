namespace SoSucKhoe.GatewayEmulator;

/// <summary>The maKetQua values the emulator answers with.</summary>
public static class EmulatorResultCodes
{
    /// <summary>Accepted.</summary>
    public const string Success = "200";

    /// <summary>Invalid request or document, or a rejection injected by <see cref="EmulatorFaultSettings.RejectRate"/>.</summary>
    public const string Invalid = "400";

    /// <summary>Token missing, unknown, expired or not the sender's; wrong password or password hash.</summary>
    public const string Unauthenticated = "401";

    /// <summary>Emulated server error (HTTP 500).</summary>
    public const string ServerError = "500";

    /// <summary>Emulated outage (HTTP 503).</summary>
    public const string Unavailable = "503";
}
