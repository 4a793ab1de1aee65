using Microsoft.Extensions.Options;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>Checks <see cref="GatewayOptions"/> against what the client and Polly accept, with messages that name the setting.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true })
        {
            failures.Add("Gateway:BaseAddress must be an absolute URI, e.g. http://127.0.0.1:5081/gateway/.");
        }

        foreach (var (setting, value) in new[]
                 {
                     ("TokenPath", options.TokenPath), ("LoaiHoSoCheckIn", options.LoaiHoSoCheckIn),
                     ("LoaiHoSoDossier", options.LoaiHoSoDossier), ("StandardVersion", options.StandardVersion),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"Gateway:{setting} must not be empty.");
            }
        }

        foreach (var (standard, endpoints) in options.Endpoints)
        {
            if (endpoints is null || string.IsNullOrWhiteSpace(endpoints.CheckInPath) || string.IsNullOrWhiteSpace(endpoints.DossierPath))
            {
                failures.Add($"Gateway:Endpoints:{standard} needs both CheckInPath and DossierPath.");
            }
        }

        if (options.EndpointsOf(null) is null)
        {
            failures.Add($"Gateway:Endpoints has no entry for Gateway:StandardVersion '{options.StandardVersion}'.");
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Gateway:AttemptTimeout must be at least 10 ms.");
        }

        if (options.MaxRetryAttempts < 0)
        {
            failures.Add("Gateway:MaxRetryAttempts must not be negative.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Gateway:RetryBaseDelay must not be negative and RetryMaxDelay must not be below it.");
        }

        if (options.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("Gateway:CircuitBreakerFailureRatio must be in (0, 1].");
        }

        if (options.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add("Gateway:CircuitBreakerMinimumThroughput must be at least 2.");
        }

        if (options.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500)
            || options.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Gateway:CircuitBreakerSamplingDuration and CircuitBreakerBreakDuration must be at least 500 ms.");
        }

        if (options.CircuitBreakerMaxBreakDuration < options.CircuitBreakerBreakDuration)
        {
            failures.Add("Gateway:CircuitBreakerMaxBreakDuration must not be below CircuitBreakerBreakDuration.");
        }

        if (options.MaxConcurrentRequests < 1 || options.MaxQueuedRequests < 0)
        {
            failures.Add("Gateway:MaxConcurrentRequests must be at least 1 and MaxQueuedRequests not negative.");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero || options.FallbackTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Gateway:TokenRefreshMargin must not be negative and FallbackTokenLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
