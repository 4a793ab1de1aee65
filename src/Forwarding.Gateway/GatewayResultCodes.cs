namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>maKetQua values with a meaning of their own (letter 1245/BHXH-CNTT).</summary>
public static class GatewayResultCodes
{
    /// <summary>Success.</summary>
    public const string Success = "200";

    /// <summary>Not authenticated (token missing, expired or invalid; wrong password).</summary>
    public const string Unauthenticated = "401";

    /// <summary>Not authorized.</summary>
    public const string Forbidden = "403";
}
