using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SoSucKhoe.Api.Errors;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// A token bucket per caller (one per facility, province or admin key holder), so that one runaway HIS meets RESOURCE_EXHAUSTED
/// with a retry delay instead of slowing every other facility down.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<CallerPrincipal> _limiter;
    private readonly double _tokensPerSecond;

    public CallerRateLimiter(IOptions<SecurityOptions> options)
    {
        var settings = options.Value;
        _tokensPerSecond = Math.Max(1, settings.RequestsPerSecond);
        _limiter = PartitionedRateLimiter.Create<CallerPrincipal, string>(caller =>
            RateLimitPartition.GetTokenBucketLimiter(caller.RoleName + ":" + caller.Scope, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, settings.Burst),
                TokensPerPeriod = Math.Max(1, settings.RequestsPerSecond / 10),
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one request's token or throws RESOURCE_EXHAUSTED with a RetryInfo detail.</summary>
    public void Acquire(CallerPrincipal caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return;
        }

        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1 / _tokensPerSecond);
        throw ApiErrors.ResourceExhausted(
            $"Too many requests from this {caller.RoleName}; retry after {retry.TotalMilliseconds:0} ms.",
            retry < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : retry);
    }

    public void Dispose() => _limiter.Dispose();
}
