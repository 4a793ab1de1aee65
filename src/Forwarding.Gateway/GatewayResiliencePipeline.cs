using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// The one resilience pipeline every gateway call of the process goes through, so that the circuit breaker and the bulkhead see
/// all traffic. From the outside in: retry (exponential back-off with jitter) → concurrency limiter (bulkhead) → circuit breaker
/// → per-attempt timeout.
/// </summary>
internal sealed class GatewayResiliencePipeline
{
    public GatewayResiliencePipeline(IOptions<GatewayOptions> options, TimeProvider timeProvider, ILogger<GatewayResiliencePipeline> logger)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder<GatewayAttempt> { TimeProvider = timeProvider };

        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<GatewayAttempt>
            {
                ShouldHandle = static args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        // Guarded above; the analyzer does not see guards of static source-generated log methods (dotnet/sdk#50893).
#pragma warning disable CA1873
                        GatewayLog.Retrying(logger, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
#pragma warning restore CA1873
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddConcurrencyLimiter(settings.MaxConcurrentRequests, settings.MaxQueuedRequests);

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<GatewayAttempt>
        {
            ShouldHandle = static args => ValueTask.FromResult(IsGatewayFault(args.Outcome)),
            FailureRatio = settings.CircuitBreakerFailureRatio,
            MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
            SamplingDuration = settings.CircuitBreakerSamplingDuration,
            BreakDuration = settings.CircuitBreakerBreakDuration,
            BreakDurationGenerator = args => ValueTask.FromResult(
                BreakDuration(settings.CircuitBreakerBreakDuration, settings.CircuitBreakerMaxBreakDuration, args.HalfOpenAttempts)),
            OnOpened = args =>
            {
                GatewayLog.CircuitOpened(logger, args.BreakDuration.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                GatewayLog.CircuitClosed(logger);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(settings.AttemptTimeout);
        Pipeline = builder.Build();
    }

    public ResiliencePipeline<GatewayAttempt> Pipeline { get; }

    /// <summary>Failures that say the gateway or the path to it is unwell: they count for the circuit breaker.</summary>
    private static bool IsGatewayFault(Outcome<GatewayAttempt> outcome) => outcome.Exception switch
    {
        HttpRequestException or IOException or TimeoutRejectedException or GatewayHttpStatusException => true,
        null => outcome.Result?.IsRetryable == true,
        _ => false,
    };

    /// <summary>
    /// The break after <paramref name="failedTrials"/> consecutive failed trial calls: the first break, doubled per failed trial,
    /// capped at the longest.
    /// </summary>
    internal static TimeSpan BreakDuration(TimeSpan first, TimeSpan longest, int failedTrials)
    {
        var doublings = Math.Clamp(failedTrials, 0, 30);
        return first.Ticks >= longest.Ticks >> doublings ? longest : TimeSpan.FromTicks(first.Ticks << doublings);
    }

    /// <summary>
    /// Failures worth another attempt within the call: the gateway faults and a full bulkhead queue. An open circuit is not: the
    /// call ends at once as a transient failure, so it does not hold a forwarding slot through back-off delays while the gateway is
    /// known to be down; the patient's durable outbox owns the retry, and the forwarders' recovery probe resumes every waiting
    /// outbox when the circuit closes again.
    /// </summary>
    private static bool IsRetryable(Outcome<GatewayAttempt> outcome) =>
        IsGatewayFault(outcome) || outcome.Exception is RateLimiterRejectedException;

    private static string Describe(Outcome<GatewayAttempt> outcome) => outcome.Exception switch
    {
        null => $"HTTP {(int?)outcome.Result?.Status}",
        TimeoutRejectedException => GatewayErrors.Timeout,
        BrokenCircuitException => GatewayErrors.CircuitOpen,
        RateLimiterRejectedException => GatewayErrors.Throttled,
        GatewayHttpStatusException status => $"HTTP {(int)status.Status}",
        var exception => $"{GatewayErrors.Transport}: {exception.GetType().Name}",
    };
}
