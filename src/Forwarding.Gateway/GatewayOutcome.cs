namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>How a gateway call ended.</summary>
public enum GatewayOutcome
{
    /// <summary>maKetQua "200": the gateway took the document; <see cref="GatewayResult.MaGiaoDich"/> is the receipt.</summary>
    Acknowledged = 1,

    /// <summary>The gateway refused the document with a business result code; <see cref="GatewayResult.ThongDiep"/> says why.</summary>
    Rejected = 2,

    /// <summary>
    /// The document did not get through and is not at fault: transport failure, timeout, HTTP 5xx/429, an open circuit after the
    /// retries, or the account being refused (maKetQua 401/403). The caller keeps the item and re-drives it later.
    /// </summary>
    TransientFailure = 3,
}
