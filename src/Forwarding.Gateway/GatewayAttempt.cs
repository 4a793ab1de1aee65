using System.Net;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>What one HTTP attempt of a data call brought back.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Answer">The JSON answer, when the body held one.</param>
internal sealed record GatewayAttempt(HttpStatusCode Status, GatewayAnswer? Answer)
{
    /// <summary>HTTP 5xx, 408 or 429: worth another attempt.</summary>
    public bool IsRetryable => GatewayClient.IsRetryableStatus(Status);

    /// <summary>The gateway refused the token (HTTP 401 or maKetQua 401).</summary>
    public bool IsUnauthenticated =>
        Status == HttpStatusCode.Unauthorized || Answer?.MaKetQua == GatewayResultCodes.Unauthenticated;
}
