using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using SoSucKhoe.Facilities;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Forwarding.Gateway;
using SoSucKhoe.Monitoring;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains.Forwarding;

/// <summary>
/// The interop grain of one facility. It receives the facility's outbox entries from its forwarding stream, calls the national
/// gateway (the gateway client wraps every call in the resilience pipeline) with the facility's account, and reports each outcome
/// to the patient grain that owns the entry. Delivery to the stream returns at once; up to
/// <see cref="ForwardingOptions.MaxConcurrentPerFacility"/> calls run concurrently, so a slow gateway does not hold the stream.
/// </summary>
[ImplicitStreamSubscription(StreamNames.ForwardNamespace)]
[SuppressMessage("Reliability", "CA1001", Justification =
    "Sends still running when the activation ends release their slot afterwards; the semaphore has no wait handle to dispose.")]
public sealed partial class ForwarderGrain(
    IGatewayClient gateway,
    IOptions<ForwardingOptions> options,
    IFlowRecorder flow,
    TimeProvider time,
    ILogger<ForwarderGrain> logger) : Grain, IForwarderGrain, IAsyncObserver<OutboundDocument>
{
    private const int RecentCapacity = 4096;
    private readonly ForwardingOptions _options = options.Value;
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private SemaphoreSlim _slots = null!;
    private ForwardingProfile? _profile;
    private DateTimeOffset _profileReadAt;
    private GatewayAccount? _account;
    private long _received;
    private long _acknowledged;
    private long _rejected;
    private long _transient;
    private readonly List<string> _probeCandidates = [];
    private IGrainTimer? _probeTimer;
    private int _probeTurn;

    private string FacilityCode => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentPerFacility));
        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<OutboundDocument>(StreamId.Create(StreamNames.ForwardNamespace, FacilityCode));
        await stream.SubscribeAsync(this);
    }

    public Task<ForwarderStats> GetStats() =>
        Task.FromResult(new ForwarderStats(_received, _acknowledged, _rejected, _transient, _inFlight.Count));

    public Task OnNextAsync(OutboundDocument item, StreamSequenceToken? token = null)
    {
        _received++;
        if (_recent.Contains(item.ItemId) || !_inFlight.Add(item.ItemId))
        {
            // Already being sent, or answered a moment ago: a re-drive raced with the answer.
            return Task.CompletedTask;
        }

        _ = ForwardAsync(item);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, FacilityCode);
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(OutboundDocument item)
    {
        ForwardResult result;
        await _slots.WaitAsync();
        try
        {
            var document = (await GrainFactory.GetGrain<IPatientGrain>(item.PersonKey).GetOutboxDocument(item.ItemId))?.Bytes;
            if (document is null)
            {
                // The entry was answered after this event was published (a re-drive raced with the answer): nothing to send.
                _inFlight.Remove(item.ItemId);
                return;
            }

            result = await SendAsync(item, document);
        }
        catch (Exception exception)
        {
            LogSendFailed(logger, exception, item.FacilityCode);
            result = new ForwardResult(item.ItemId, ForwardOutcome.TransientFailure, null, exception.GetType().Name, null, 1,
                time.GetUtcNow());
        }
        finally
        {
            _slots.Release();
        }

        Count(result.Outcome);
        await TrackGatewayHealthAsync(item, result.Outcome);
        if (item.Kind == OutboundKind.Dossier)
        {
            flow.Forwarded(item.FacilityCode);
        }

        try
        {
            await GrainFactory.GetGrain<IPatientGrain>(item.PersonKey).OnForwardResult(result);
            if (result.Outcome != ForwardOutcome.TransientFailure)
            {
                Remember(item.ItemId);
            }
        }
        catch (Exception exception)
        {
            // The entry is still in the patient's outbox and will be re-driven: at least once, never silently dropped.
            LogReportFailed(logger, exception, PersonKey.Mask(item.PersonKey));
        }
        finally
        {
            _inFlight.Remove(item.ItemId);
        }
    }

    private async Task<ForwardResult> SendAsync(OutboundDocument item, byte[] document)
    {
        var account = await GetAccountAsync(item.FacilityCode);
        if (account is null)
        {
            return new ForwardResult(item.ItemId, ForwardOutcome.TransientFailure, null,
                "No gateway account is configured for the facility or as the hub's default.", null, 0, time.GetUtcNow());
        }

        var submission = new GatewaySubmission(account, item.ProvinceCode, item.FacilityCode, document, item.Standard);
        var answer = item.Kind == OutboundKind.CheckIn
            ? await gateway.SendCheckInAsync(submission, CancellationToken.None)
            : await gateway.SendDossierAsync(submission, CancellationToken.None);
        var receipt = answer.MaGiaoDich is { } code
            ? new GatewayReceipt(code, answer.ThoiGianTiepNhanRaw ?? string.Empty, answer.ThoiGianTiepNhan)
            : null;
        var outcome = answer.Outcome switch
        {
            GatewayOutcome.Acknowledged => ForwardOutcome.Acknowledged,
            GatewayOutcome.Rejected => ForwardOutcome.Rejected,
            _ => ForwardOutcome.TransientFailure,
        };
        var message = outcome == ForwardOutcome.TransientFailure
            ? answer.Error ?? answer.ThongDiep
            : answer.ThongDiep;
        return new ForwardResult(item.ItemId, outcome, answer.MaKetQua, message, receipt, answer.Attempts, time.GetUtcNow());
    }

    private async Task<GatewayAccount?> GetAccountAsync(string facilityCode)
    {
        var now = time.GetUtcNow();
        if (_profile is null || now - _profileReadAt > _options.ProfileCacheDuration)
        {
            _profile = await GrainFactory.GetGrain<IFacilityGrain>(facilityCode).GetForwardingProfile();
            _profileReadAt = now;
            // Built once per profile read: the account carries the password's hash, which every send needs.
            _account = _profile is { GatewayUsername: { Length: > 0 } username, GatewayPassword: { } password }
                ? new GatewayAccount(username, password)
                : _options is { DefaultGatewayUsername: { Length: > 0 } user, DefaultGatewayPassword: { } secret }
                    ? new GatewayAccount(user, secret)
                    : null;
        }

        return _account;
    }

    /// <summary>
    /// Notices the gateway's outages and its return. After a transient failure the forwarder remembers a few persons whose entry
    /// failed and, every <see cref="ForwardingOptions.RecoveryProbeInterval"/>, asks one of them to resume: its real document is the
    /// probe. The first answer after failures (acknowledged or refused, either way the gateway is back) makes every outbox index
    /// shard resume its persons, so the backlog drains at once instead of at each person's back-off timer.
    /// </summary>
    private async Task TrackGatewayHealthAsync(OutboundDocument item, ForwardOutcome outcome)
    {
        if (outcome == ForwardOutcome.TransientFailure)
        {
            if (!_probeCandidates.Contains(item.PersonKey))
            {
                _probeCandidates.Add(item.PersonKey);
                if (_probeCandidates.Count > 8)
                {
                    _probeCandidates.RemoveAt(0);
                }
            }

            _probeTimer ??= this.RegisterGrainTimer(ProbeAsync, new GrainTimerCreationOptions
            {
                DueTime = _options.RecoveryProbeInterval,
                Period = _options.RecoveryProbeInterval,
                KeepAlive = true,
            });
            return;
        }

        if (_probeTimer is null)
        {
            return;
        }

        _probeTimer.Dispose();
        _probeTimer = null;
        _probeCandidates.Clear();
        LogGatewayBack(logger, FacilityCode);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, OutboxIndex.ShardCount)
                .Select(shard => GrainFactory.GetGrain<IOutboxIndexGrain>(shard).ResumeAll()));
        }
        catch (Exception exception)
        {
            // The periodic re-drive and the persons' own back-off still move every entry; resuming only makes it sooner.
            LogResumeFailed(logger, exception, FacilityCode);
        }
    }

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (_probeCandidates.Count == 0)
        {
            return;
        }

        var person = _probeCandidates[_probeTurn++ % _probeCandidates.Count];
        try
        {
            await GrainFactory.GetGrain<IPatientGrain>(person).Resume();
        }
        catch (Exception exception)
        {
            LogResumeFailed(logger, exception, FacilityCode);
        }
    }

    private void Count(ForwardOutcome outcome)
    {
        switch (outcome)
        {
            case ForwardOutcome.Acknowledged:
                _acknowledged++;
                break;
            case ForwardOutcome.Rejected:
                _rejected++;
                break;
            default:
                _transient++;
                break;
        }
    }

    private void Remember(string itemId)
    {
        if (_recent.Add(itemId))
        {
            _recentOrder.Enqueue(itemId);
            if (_recentOrder.Count > RecentCapacity)
            {
                _recent.Remove(_recentOrder.Dequeue());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The gateway answers facility {Facility} again after failures: resuming every waiting outbox")]
    private static partial void LogGatewayBack(ILogger logger, string facility);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking outboxes to resume for facility {Facility} failed; they resume on their own timers")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string facility);

    [LoggerMessage(Level = LogLevel.Error, Message = "Forwarding stream of facility {Facility} reported an error")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string facility);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a document of facility {Facility} failed unexpectedly")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string facility);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Reporting a gateway answer to person {Person} failed; the outbox entry stays open and will be re-driven")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string person);
}
