namespace SoSucKhoe.GatewayEmulator;

/// <summary>The emulator's log events (no document content, no personal data).</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 7200, Level = LogLevel.Information,
        Message = "Emulator faults: latency {LatencyMs} ms, jitter {JitterMs} ms, error rate {ErrorRate}, reject rate {RejectRate}, fail next {FailNext}, outage until {OutageUntil}, tokens expired {TokensExpired}")]
    public static partial void FaultsChanged(
        ILogger logger, double latencyMs, double jitterMs, double errorRate, double rejectRate, int failNext, DateTimeOffset? outageUntil, bool tokensExpired);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Emulator counters and received items reset")]
    public static partial void Reset(ILogger logger);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Debug, Message = "Emulator refused a {Kind}: maKetQua {MaKetQua}, {Reason}")]
    public static partial void Refused(ILogger logger, ReceivedKind kind, string maKetQua, string reason);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information,
        Message = "The emulator's control endpoints need the key in {Path} (created now: {Created}) as Authorization: Bearer <key>")]
    public static partial void AdminKeyFile(ILogger logger, string path, bool created);
}
