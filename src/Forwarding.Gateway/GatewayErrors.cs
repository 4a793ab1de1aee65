namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The fixed prefixes of <see cref="GatewayResult.Error"/>, so that callers and dashboards can group failures.</summary>
public static class GatewayErrors
{
    /// <summary>The connection failed or broke.</summary>
    public const string Transport = "transport";

    /// <summary>An attempt exceeded <see cref="GatewayOptions.AttemptTimeout"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The gateway answered HTTP 5xx, 408 or 429.</summary>
    public const string HttpStatus = "http-status";

    /// <summary>The circuit breaker is open: the gateway was not called.</summary>
    public const string CircuitOpen = "circuit-open";

    /// <summary>Too many calls waited for a free slot of the bulkhead.</summary>
    public const string Throttled = "throttled";

    /// <summary>The gateway refused the account or the token.</summary>
    public const string Authorization = "authorization";

    /// <summary>The gateway's answer could not be read.</summary>
    public const string BadResponse = "bad-response";

    /// <summary>The hub's configuration has no endpoints for the document's standard: the gateway was not called.</summary>
    public const string Configuration = "configuration";
}
