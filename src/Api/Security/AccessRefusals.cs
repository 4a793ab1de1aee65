using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoSucKhoe.Api.Security.Audit;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Makes calls refused at the door visible to operators without letting a caller flood anything: every refusal is counted
/// (<see cref="CounterName"/>, tagged with the reason and the method); each source (the peer's address) gets at most one log line
/// per <see cref="SecurityOptions.RefusalReportInterval"/>, saying how many of its calls were refused since its last line, why, and
/// with which key ids; and a source refused more than once gets, with such a line, one entry in the audit trail.
/// </summary>
/// <remarks>
/// Only public key ids are ever written (the part of <c>ssk1.&lt;id&gt;.&lt;secret&gt;</c> before the secret, or a client
/// certificate's thumbprint prefix): a malformed key is never echoed. Refusals pending after a source's last line are reported by a
/// timer once the interval has passed, so a burst that stops is still reported. A source is forgotten after
/// <see cref="ForgetAfter"/> without refusals; at most <see cref="MaxSources"/> are tracked, the rest share one entry.
/// </remarks>
public sealed partial class AccessRefusals : IDisposable
{
    /// <summary>The meter of the security counters.</summary>
    public const string MeterName = "SoSucKhoe.Security";

    /// <summary>The counter of refused calls; tags <c>reason</c> (<see cref="AccessRefusalReasons"/>) and <c>method</c>.</summary>
    public const string CounterName = "sosuckhoe.auth.refused";

    /// <summary>Sources tracked at once; refusals from further sources are reported under <see cref="OtherSources"/>.</summary>
    public const int MaxSources = 10_000;

    /// <summary>The source under which refusals beyond <see cref="MaxSources"/> sources are reported.</summary>
    public const string OtherSources = "other-sources";

    /// <summary>How long a source without refusals is remembered (and so still counts as refused before).</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private const int MaxKeyIds = 5;
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> RefusedCounter = Meter.CreateCounter<long>(CounterName, unit: "{call}",
        description: "Calls refused at the door (no, unknown, revoked or expired key; unknown certificate; role or scope), by reason and method.");

    private readonly TimeSpan _interval;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SourceState> _sources = new(StringComparer.Ordinal);
    private readonly ITimer _timer;

    public AccessRefusals(IOptions<SecurityOptions> options, IAuditTrail audit, TimeProvider time, ILogger<AccessRefusals> logger)
        : this(options.Value.RefusalReportInterval, audit, time, logger)
    {
    }

    /// <param name="interval">Least time between two lines (and audit entries) about one source.</param>
    /// <param name="audit">Where repeated refusals are recorded.</param>
    /// <param name="time">The clock of the spacing and of the timer that reports refusals still pending.</param>
    /// <param name="logger">Where the lines go.</param>
    public AccessRefusals(TimeSpan interval, IAuditTrail audit, TimeProvider time, ILogger logger)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The report interval must be positive.");
        }

        _interval = interval;
        _audit = audit;
        _time = time;
        _logger = logger;
        var tick = interval / 6;
        _timer = time.CreateTimer(_ => ReportPending(), null, tick, tick);
    }

    /// <summary>The source of a connection as the log and the audit trail name it: the peer's IP address.</summary>
    public static string SourceOf(ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";
    }

    /// <summary>Counts one refused call, and reports its source if the source's last line is at least an interval old.</summary>
    /// <param name="source">The peer's address (<see cref="SourceOf"/>).</param>
    /// <param name="method">The gRPC method ("/sosuckhoe.v1.Intake/SubmitDossier") or the HTTP endpoint.</param>
    /// <param name="reason">One of <see cref="AccessRefusalReasons"/>.</param>
    /// <param name="keyId">The public key id the call used, or null; never a secret.</param>
    public void Record(string source, string method, string reason, string? keyId)
    {
        RefusedCounter.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("method", method));
        Report? report = null;
        var now = _time.GetUtcNow();
        lock (_sources)
        {
            if (!_sources.TryGetValue(source, out var state))
            {
                if (_sources.Count >= MaxSources)
                {
                    source = OtherSources;
                }

                if (!_sources.TryGetValue(source, out state))
                {
                    state = new SourceState(now);
                    _sources[source] = state;
                }
            }

            state.Add(now, method, reason, keyId);
            if (state.LastLineAt is not { } last || now - last >= _interval)
            {
                report = state.Take(source, now);
            }
        }

        if (report is not null)
        {
            Publish(report);
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Reports sources whose refusals wait for their interval to pass, and forgets sources long quiet.</summary>
    private void ReportPending()
    {
        var now = _time.GetUtcNow();
        var reports = new List<Report>();
        lock (_sources)
        {
            List<string>? quiet = null;
            foreach (var (source, state) in _sources)
            {
                if (state.Pending > 0 && now - state.LastLineAt >= _interval)
                {
                    reports.Add(state.Take(source, now));
                }
                else if (state.Pending == 0 && now - state.LastRefusalAt >= ForgetAfter)
                {
                    (quiet ??= []).Add(source);
                }
            }

            foreach (var source in quiet ?? [])
            {
                _sources.Remove(source);
            }
        }

        foreach (var report in reports)
        {
            Publish(report);
        }
    }

    private void Publish(Report report)
    {
        LogRefused(_logger, report.Count, report.Source, report.Since, report.Reasons, report.KeyIds, report.LastMethod);
        if (report.Total > 1)
        {
            _ = AuditAsync(report);
        }
    }

    private async Task AuditAsync(Report report)
    {
        var details = string.Create(CultureInfo.InvariantCulture,
            $"{report.Count} call(s) refused since {report.Since:yyyy-MM-dd HH:mm:ss}Z, {report.Total} since {report.First:yyyy-MM-dd HH:mm:ss}Z; "
            + $"reasons: {report.Reasons}; key ids: {report.KeyIds}; last on {report.LastMethod}.");
        try
        {
            await _audit.AppendAsync(new AuditRecord
            {
                OccurredAt = report.At,
                Action = AuditActions.AuthenticationRefused,
                ActorRole = AuditActorRoles.System,
                ActorId = report.Source,
                Outcome = AuditOutcomes.Denied,
                Details = details.Length > 1000 ? details[..1000] : details,
            }).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogAuditFailed(_logger, e, report.Source);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused {Refused} call(s) from {Source} since {Since:u} ({Reasons}); key ids: {KeyIds}; last on {Method}")]
    private static partial void LogRefused(ILogger logger, long refused, string source, DateTimeOffset since, string reasons, string keyIds,
        string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the refused calls from {Source} in the audit trail")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string source);

    private sealed record Report(string Source, long Count, long Total, DateTimeOffset Since, DateTimeOffset First, DateTimeOffset At,
        string Reasons, string KeyIds, string LastMethod);

    /// <summary>What is known about one source; guarded by the dictionary's lock.</summary>
    private sealed class SourceState(DateTimeOffset first)
    {
        private readonly SortedDictionary<string, long> _reasons = new(StringComparer.Ordinal);
        private readonly List<string> _keyIds = [];
        private readonly DateTimeOffset _first = first;
        private long _total;
        private string _lastMethod = string.Empty;
        private DateTimeOffset _pendingSince = first;

        public long Pending { get; private set; }

        public DateTimeOffset? LastLineAt { get; private set; }

        public DateTimeOffset LastRefusalAt { get; private set; } = first;

        public void Add(DateTimeOffset now, string method, string reason, string? keyId)
        {
            if (Pending == 0)
            {
                _pendingSince = now;
            }

            Pending++;
            _total++;
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            if (keyId is not null && _keyIds.Count < MaxKeyIds && !_keyIds.Contains(keyId))
            {
                _keyIds.Add(keyId);
            }

            _lastMethod = method;
            LastRefusalAt = now;
        }

        /// <summary>The report of the refusals pending, which are then reported.</summary>
        public Report Take(string source, DateTimeOffset now)
        {
            var reasons = new StringBuilder();
            foreach (var (reason, count) in _reasons)
            {
                reasons.Append(reasons.Length > 0 ? ", " : string.Empty).Append(reason).Append(' ').Append(count);
            }

            var report = new Report(source, Pending, _total, LastLineAt ?? _pendingSince, _first, now, reasons.ToString(),
                _keyIds.Count > 0 ? string.Join(", ", _keyIds) : "none", _lastMethod);
            Pending = 0;
            _reasons.Clear();
            _keyIds.Clear();
            LastLineAt = now;
            return report;
        }
    }
}
