using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains.Forwarding;

/// <summary>The persisted members of one outbox index shard.</summary>
[GenerateSerializer, Alias("sosuckhoe.OutboxIndexState")]
public sealed class OutboxIndexState
{
    [Id(0)] public List<string> Members { get; set; } = [];
}

/// <summary>
/// One shard of the durable index of persons with open outbox entries. Registrations are coalesced: callers that arrive while a
/// write is running share the next write (group commit), and removals wait for the next write instead of causing one (see
/// <see cref="Unregister"/>), so the index costs far less than one write per dossier. On activation
/// and then periodically the shard asks each member to re-drive, which is how entries left open by a crash or an outage move again.
/// </summary>
[Reentrant]
public sealed partial class OutboxIndexGrain(
    [PersistentState("outbox-index", StorageNames.Main)] IPersistentState<OutboxIndexState> state,
    IOptions<ForwardingOptions> options,
    TimeProvider time,
    ILogger<OutboxIndexGrain> logger) : Grain, IOutboxIndexGrain
{
    private const int RedriveParallelism = 64;
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private long _version;
    private long _durableVersion;
    private Task? _write;
    private bool _redriving;
    private bool _resuming;
    private DateTimeOffset _lastResume = DateTimeOffset.MinValue;

    private long Shard => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _members.UnionWith(state.State.Members);
        this.RegisterGrainTimer(_ => FlushAndRedriveAsync(), new GrainTimerCreationOptions
        {
            DueTime = _members.Count > 0 ? TimeSpan.FromSeconds(1) : options.Value.RedriveInterval,
            Period = options.Value.RedriveInterval,
            Interleave = true,
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public async Task Register(string personKey)
    {
        if (_members.Add(personKey))
        {
            _version++;
        }

        await CommitAsync();
    }

    /// <summary>
    /// Removes the person without waiting for a write of its own: the removal reaches storage with the next registration's
    /// group commit, the periodic re-drive round or deactivation, whichever comes first. This is safe because the index only
    /// has to be a superset of the persons with open entries: a person whose removal was not yet written is re-driven after a
    /// crash, finds an empty outbox and unregisters again (PatientGrain.Redrive). A registration is never deferred, and one
    /// that follows a removal of the same person re-adds it before the next write, so no open entry can go unlisted. Under load
    /// this takes the unregister half of the index writes (about 0.67 per dossier) off the storage.
    /// </summary>
    public Task Unregister(string personKey)
    {
        if (_members.Remove(personKey))
        {
            _version++;
        }

        return Task.CompletedTask;
    }

    public Task<int> GetCount() => Task.FromResult(_members.Count);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Deferred removals are written on the way out (best effort: if this fails, the members re-drive to empty outboxes).
        try
        {
            await CommitAsync();
        }
        catch (Exception exception)
        {
            LogFlushFailed(logger, exception, Shard);
        }
    }

    private async Task FlushAndRedriveAsync()
    {
        await CommitAsync();
        await RedriveAll();
    }

    public async Task RedriveAll()
    {
        if (_redriving || _members.Count == 0)
        {
            return;
        }

        _redriving = true;
        try
        {
            LogRedrive(logger, Shard, _members.Count);
            await ForEachMemberAsync(patient => patient.Redrive());
        }
        finally
        {
            _redriving = false;
        }
    }

    public async Task ResumeAll()
    {
        var now = time.GetUtcNow();
        if (_resuming || _members.Count == 0 || now - _lastResume < options.Value.ResumeCooldown)
        {
            return;
        }

        _resuming = true;
        _lastResume = now;
        try
        {
            LogResume(logger, Shard, _members.Count);
            await ForEachMemberAsync(patient => patient.Resume());
        }
        finally
        {
            _resuming = false;
        }
    }

    /// <summary>Calls every member, <see cref="RedriveParallelism"/> at a time; a failing member is logged and skipped.</summary>
    private async Task ForEachMemberAsync(Func<IPatientGrain, Task> call)
    {
        var members = _members.ToArray();
        for (var i = 0; i < members.Length; i += RedriveParallelism)
        {
            await Task.WhenAll(members.Skip(i).Take(RedriveParallelism).Select(async personKey =>
            {
                try
                {
                    await call(GrainFactory.GetGrain<IPatientGrain>(personKey));
                }
                catch (Exception exception)
                {
                    LogRedriveFailed(logger, exception, PersonKey.Mask(personKey));
                }
            }));
        }
    }

    /// <summary>Returns once a write that includes every change made so far has completed.</summary>
    private async Task CommitAsync()
    {
        var target = _version;
        while (_durableVersion < target)
        {
            _write ??= WriteAsync();
            await _write;
        }
    }

    private async Task WriteAsync()
    {
        var version = _version;
        state.State = new OutboxIndexState { Members = [.. _members] };
        try
        {
            await state.WriteStateAsync();
            _durableVersion = Math.Max(_durableVersion, version);
        }
        finally
        {
            _write = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox index shard {Shard} could not write its deferred removals; its members re-drive")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, long shard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway answers again: outbox index shard {Shard} resumes {Count} persons")]
    private static partial void LogResume(ILogger logger, long shard, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox index shard {Shard} re-drives {Count} persons")]
    private static partial void LogRedrive(ILogger logger, long shard, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-driving the outbox of person {Person} failed; the next round retries")]
    private static partial void LogRedriveFailed(ILogger logger, Exception exception, string person);
}
