using System.Net;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The gateway answered with a status worth retrying (5xx, 408, 429) where no document result could be kept.</summary>
internal sealed class GatewayHttpStatusException(HttpStatusCode status)
    : Exception($"The gateway answered HTTP {(int)status}.")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>The gateway refused the account or the token: retrying with the same credentials does not help.</summary>
internal sealed class GatewayAuthorizationException(string? maKetQua, string? thongDiep)
    : Exception($"The gateway refused the account (maKetQua {maKetQua}).")
{
    public string? MaKetQua { get; } = maKetQua;

    public string? ThongDiep { get; } = thongDiep;
}

/// <summary>The gateway's answer could not be read.</summary>
internal sealed class GatewayBadResponseException(string message) : Exception(message);
