using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SoSucKhoe.Gateway.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Transient_server_errors_are_retried_and_the_document_is_then_acknowledged()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(FailNext: 2));

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-RETRY")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.Acknowledged, result.Outcome);
        Assert.Equal(3, result.Attempts);
        var stats = await bed.StatsAsync();
        Assert.Equal(2, stats.FaultsInjected);
        Assert.Equal(1, stats.Dossiers);
    }

    [Fact]
    public async Task An_outage_ends_in_a_transient_failure_after_every_retry()
    {
        await using var bed = await GatewayTestBed.StartAsync(client: o => o.MaxRetryAttempts = 4);
        var warmUp = await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn("LK-WARM")), CancellationToken.None);
        Assert.Equal(GatewayOutcome.Acknowledged, warmUp.Outcome);
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(OutageSeconds: 60));

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-OUTAGE")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.TransientFailure, result.Outcome);
        Assert.Equal(5, result.Attempts);
        Assert.StartsWith(GatewayErrors.HttpStatus, result.Error, StringComparison.Ordinal);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
        Assert.False(result.IsAuthorizationFailure);
        var stats = await bed.StatsAsync();
        Assert.Equal(5, stats.FaultsInjected);
        Assert.Equal(0, stats.Dossiers);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_spares_the_gateway()
    {
        await using var bed = await GatewayTestBed.StartAsync(client: o =>
        {
            o.MaxRetryAttempts = 1;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
            o.CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(10);
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(OutageSeconds: 60));

        var tripping = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-CB-1")), CancellationToken.None);
        Assert.Equal(GatewayOutcome.TransientFailure, tripping.Outcome);
        var faultsWhenOpened = (await bed.StatsAsync()).FaultsInjected;
        Assert.Equal(2, faultsWhenOpened);

        // The gateway is healthy again, but the circuit stays open for its break duration and no call reaches it.
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(ClearOutage: true));
        var paused = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-CB-2")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.TransientFailure, paused.Outcome);
        Assert.StartsWith(GatewayErrors.CircuitOpen, paused.Error, StringComparison.Ordinal);
        var stats = await bed.StatsAsync();
        Assert.Equal(faultsWhenOpened, stats.FaultsInjected);
        Assert.Equal(0, stats.Received);
    }

    [Fact]
    public async Task A_slow_gateway_hits_the_attempt_timeout_and_ends_in_a_transient_failure()
    {
        await using var bed = await GatewayTestBed.StartAsync(client: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetryAttempts = 1;
        });
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(LatencyMs: 3000));
        var watch = Stopwatch.StartNew();

        var result = await bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-SLOW")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.TransientFailure, result.Outcome);
        Assert.StartsWith(GatewayErrors.Timeout, result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Attempts);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_is_a_transport_failure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var bed = await GatewayTestBed.StartAsync(client: o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/gateway/");
            o.MaxRetryAttempts = 2;
        });

        var result = await bed.Client.SendCheckInAsync(bed.Submission(TestDocuments.CheckIn("LK-DOWN")), CancellationToken.None);

        Assert.Equal(GatewayOutcome.TransientFailure, result.Outcome);
        Assert.StartsWith(GatewayErrors.Transport, result.Error, StringComparison.Ordinal);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_thrown_not_reported_as_a_result()
    {
        await using var bed = await GatewayTestBed.StartAsync();
        await bed.SetFaultsAsync(new EmulatorFaultUpdate(LatencyMs: 3000));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            bed.Client.SendDossierAsync(bed.Submission(TestDocuments.Dossier("LK-CANCEL")), cancellation.Token));
    }
}
