namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The outcome of one <see cref="IGatewayClient"/> call, retries included.</summary>
/// <param name="Outcome">How the call ended.</param>
/// <param name="MaKetQua">The gateway's result code, when it answered with one.</param>
/// <param name="MaGiaoDich">The receipt (transaction id) of an acknowledged document.</param>
/// <param name="ThoiGianTiepNhanRaw">The reception time exactly as the gateway wrote it (yyyyMMddHHmmss, UTC+7).</param>
/// <param name="ThoiGianTiepNhan">The reception time parsed as Vietnam time, when it could be read.</param>
/// <param name="ThongDiep">The gateway's message (the reason of a rejection).</param>
/// <param name="Attempts">How many attempts were started (1 + retries).</param>
/// <param name="Error">For a transient failure: what went wrong (see <see cref="GatewayErrors"/> for the fixed prefixes).</param>
public sealed record GatewayResult(
    GatewayOutcome Outcome,
    string? MaKetQua,
    string? MaGiaoDich,
    string? ThoiGianTiepNhanRaw,
    DateTimeOffset? ThoiGianTiepNhan,
    string? ThongDiep,
    int Attempts,
    string? Error)
{
    /// <summary>True when the gateway refused the account or token (maKetQua 401/403), not the document.</summary>
    public bool IsAuthorizationFailure =>
        Outcome == GatewayOutcome.TransientFailure && MaKetQua is GatewayResultCodes.Unauthenticated or GatewayResultCodes.Forbidden;

    internal static GatewayResult Transient(string error, int attempts, string? maKetQua = null, string? thongDiep = null) =>
        new(GatewayOutcome.TransientFailure, maKetQua, null, null, null, thongDiep, attempts, error);
}
