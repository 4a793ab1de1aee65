using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoSucKhoe.Api.Errors;

namespace SoSucKhoe.Api.Intake;

/// <summary>Settings of the intake's admission control (configuration section "Intake").</summary>
public sealed class IntakeAdmissionOptions
{
    /// <summary>Intake calls the hub works on at once; more wait in the queue. Zero or less turns admission control off.</summary>
    public int MaxConcurrent { get; set; } = 64;

    /// <summary>Intake calls that may wait for a free place; a call that finds the queue full is refused at once.</summary>
    public int MaxQueued { get; set; } = 512;

    /// <summary>Longest wait in the queue; a call still waiting then is refused.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Share of the memory the runtime may use (the managed heap's hard limit, or the machine's memory) above which the objects
    /// left by the last full garbage collection make new intake calls be refused, until a collection brings them down again.
    /// Zero turns the check off.
    /// </summary>
    public double MemoryRefusalRatio { get; set; } = 0.85;

    /// <summary>The delay a refused caller is told to wait before it retries (google.rpc.RetryInfo).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>The heap the last garbage collection left and the most the runtime may use, in bytes.</summary>
public readonly record struct MemoryReading(long HeapBytes, long LimitBytes);

/// <summary>
/// Admission control for the intake RPCs: the hub works on at most <see cref="IntakeAdmissionOptions.MaxConcurrent"/> of them
/// at once, queues a bounded number more, and refuses the rest at once with RESOURCE_EXHAUSTED and a retry delay. It also
/// refuses new calls while the managed heap is close to its limit. Without it, a burst above the hub's capacity piles up
/// thousands of dossiers in memory, each waiting for a share of the CPU, until the heap limit ends the process; with it, the
/// burst costs the callers a retry and the hub keeps its throughput, its forwarding and its memory.
/// </summary>
/// <remarks>
/// A refused call changed nothing: admission is decided before the document is parsed. The queue serves callers in arrival order.
/// The memory check reads the runtime's figures of the last collection at most every <see cref="MemoryCheckInterval"/>.
/// </remarks>
public sealed partial class IntakeAdmission : IDisposable
{
    /// <summary>The meter of the intake's admission counters.</summary>
    public const string MeterName = "SoSucKhoe.Intake";

    /// <summary>How often the memory figures are read at most.</summary>
    public static readonly TimeSpan MemoryCheckInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Least time between two log lines about refusals.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> RefusedCounter =
        Meter.CreateCounter<long>("sosuckhoe.intake.refused", description: "Intake calls refused by admission control, by reason.");

    private readonly IntakeAdmissionOptions _options;
    private readonly ConcurrencyLimiter? _limiter;
    private readonly Func<MemoryReading> _readMemory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _memoryCheckTicks;
    private readonly long _reportTicks;
    private long _nextMemoryReadAt = long.MinValue;
    private bool _memoryShort;
    private long _refused;
    private long _nextReportAt = long.MinValue;

    public IntakeAdmission(IOptions<IntakeAdmissionOptions> options, TimeProvider time, ILogger<IntakeAdmission> logger)
        : this(options.Value, time, logger, ReadRuntimeMemory)
    {
    }

    /// <param name="options">The limits.</param>
    /// <param name="time">The clock of the queue timeout and of the memory check's spacing.</param>
    /// <param name="logger">Reports refusals (counts only), at most once per <see cref="ReportInterval"/>.</param>
    /// <param name="readMemory">The memory figures (the runtime's own outside tests).</param>
    public IntakeAdmission(IntakeAdmissionOptions options, TimeProvider time, ILogger logger, Func<MemoryReading> readMemory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _readMemory = readMemory;
        _memoryCheckTicks = (long)(MemoryCheckInterval.TotalSeconds * time.TimestampFrequency);
        _reportTicks = (long)(ReportInterval.TotalSeconds * time.TimestampFrequency);
        _limiter = options.MaxConcurrent <= 0 ? null : new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrent,
            QueueLimit = options.MaxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Calls being worked on now.</summary>
    public int InProgress => _limiter is null ? 0 : _options.MaxConcurrent - (int)_limiter.GetStatistics()!.CurrentAvailablePermits;

    /// <summary>Calls waiting for a place now.</summary>
    public int Queued => _limiter is null ? 0 : (int)_limiter.GetStatistics()!.CurrentQueuedCount;

    /// <summary>
    /// True while every new intake call is refused (the heap the last collection left is above the refusal share); asking reads the
    /// memory figures when the last reading is older than <see cref="MemoryCheckInterval"/>, so readiness follows the heap even
    /// when no call arrives.
    /// </summary>
    public bool RefusesAll => MemoryIsShort();

    /// <summary>
    /// Waits for a place for one intake call and returns it; dispose it when the call is answered. Throws RESOURCE_EXHAUSTED (with
    /// a google.rpc.RetryInfo detail) when the heap is near its limit, when the queue is full or when the wait passes
    /// <see cref="IntakeAdmissionOptions.MaxQueueWait"/>; CANCELLED when the caller gives up while waiting.
    /// </summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (MemoryIsShort())
        {
            throw Refuse("memory", "The hub is short of memory and takes no new intake calls for a moment");
        }

        if (_limiter is null)
        {
            return NoLease.Instance;
        }

        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        using var timeout = new CancellationTokenSource(_options.MaxQueueWait, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            lease = await _limiter.AcquireAsync(1, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled while it waited for admission."));
        }
        catch (OperationCanceledException)
        {
            throw Refuse("queue_timeout", "The hub is at capacity: the call waited its longest time in the queue");
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw Refuse("queue_full", "The hub is at capacity and its queue is full");
        }

        return lease;
    }

    public void Dispose() => _limiter?.Dispose();

    private bool MemoryIsShort()
    {
        if (_options.MemoryRefusalRatio <= 0)
        {
            return false;
        }

        // One caller per interval reads the figures (the one that moves the next reading on); the others use the last answer.
        var now = _time.GetTimestamp();
        var next = Volatile.Read(ref _nextMemoryReadAt);
        if (now >= next && Interlocked.CompareExchange(ref _nextMemoryReadAt, now + _memoryCheckTicks, next) == next)
        {
            var reading = _readMemory();
            Volatile.Write(ref _memoryShort, reading.LimitBytes > 0 && reading.HeapBytes >= _options.MemoryRefusalRatio * reading.LimitBytes);
        }

        return Volatile.Read(ref _memoryShort);
    }

    private RpcException Refuse(string reason, string message)
    {
        RefusedCounter.Add(1, new KeyValuePair<string, object?>("reason", reason));
        var refused = Interlocked.Increment(ref _refused);
        var now = _time.GetTimestamp();
        var next = Volatile.Read(ref _nextReportAt);
        if (now >= next && Interlocked.CompareExchange(ref _nextReportAt, now + _reportTicks, next) == next)
        {
            LogRefused(_logger, reason, refused);
        }

        return ApiErrors.ResourceExhausted($"{message}; nothing was accepted: retry after {_options.RetryAfter.TotalMilliseconds:0} ms.", _options.RetryAfter);
    }

    /// <summary>
    /// The objects' bytes (heap minus its free space) that the last full collection left, or the last collection of any kind
    /// before the first full one. A young-generation collection leaves the old generation's garbage in place, so its figure can
    /// sit near the limit while the live data are far below it; near the limit the runtime collects in full often, so the full
    /// collection's figure is recent when it matters.
    /// </summary>
    private static MemoryReading ReadRuntimeMemory()
    {
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var info = background.Index > blocking.Index ? background : blocking;
        if (info.Index == 0)
        {
            info = GC.GetGCMemoryInfo(GCKind.Any);
        }

        return new MemoryReading(info.HeapSizeBytes - info.FragmentedBytes, info.TotalAvailableMemoryBytes);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Intake admission refuses calls ({Reason}); {Refused} refused since the hub started")]
    private static partial void LogRefused(ILogger logger, string reason, long refused);

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}
