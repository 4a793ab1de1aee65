using Microsoft.Extensions.Logging;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// The gateway client's log events. They carry facility codes, account names, result codes and receipts only: never a password,
/// a password hash, a token or anything from the document.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug,
        Message = "Gateway {Kind} for facility {FacilityCode} acknowledged: maGiaoDich {MaGiaoDich} after {Attempts} attempt(s) in {ElapsedMs} ms (standard {StandardVersion})")]
    public static partial void Acknowledged(ILogger logger, string kind, string facilityCode, string? maGiaoDich, int attempts, long elapsedMs, string standardVersion);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Gateway {Kind} for facility {FacilityCode} rejected: maKetQua {MaKetQua} after {Attempts} attempt(s)")]
    public static partial void Rejected(ILogger logger, string kind, string facilityCode, string? maKetQua, int attempts);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning,
        Message = "Gateway {Kind} for facility {FacilityCode} failed transiently: {Error} after {Attempts} attempt(s); the item is kept for a later try")]
    public static partial void TransientFailure(ILogger logger, string kind, string facilityCode, string error, int attempts);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug,
        Message = "Gateway attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning,
        Message = "Gateway circuit opened for {BreakDurationMs} ms after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, double breakDurationMs);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Gateway circuit closed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Debug,
        Message = "Gateway token issued for account {Username}, expires at {ExpiresAt:O} (standard {StandardVersion})")]
    public static partial void TokenIssued(ILogger logger, string standardVersion, string username, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning,
        Message = "Gateway refused a token for account {Username}: maKetQua {MaKetQua}, HTTP {HttpStatus} (standard {StandardVersion})")]
    public static partial void TokenRefused(ILogger logger, string standardVersion, string username, string? maKetQua, int httpStatus);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning,
        Message = "Gateway token of account {Username} has an unusable expires_in; assuming {FallbackLifetime}")]
    public static partial void TokenExpiryUnusable(ILogger logger, string username, TimeSpan fallbackLifetime);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Information,
        Message = "Gateway refused the token of account {Username} (maKetQua {MaKetQua}); renewing it and trying once more")]
    public static partial void TokenRenewing(ILogger logger, string username, string? maKetQua);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Error,
        Message = "Gateway {Kind} for facility {FacilityCode} failed unexpectedly after {Attempts} attempt(s); the item is kept for a later try")]
    public static partial void Unexpected(ILogger logger, Exception exception, string kind, string facilityCode, int attempts);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Error,
        Message = "Gateway {Kind} for facility {FacilityCode} was not sent: no endpoints are configured for standard {Standard} (Gateway:Endpoints); the item is kept")]
    public static partial void NoEndpoints(ILogger logger, string kind, string facilityCode, string standard);
}
