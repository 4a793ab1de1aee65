using Microsoft.Extensions.Logging;
using SoSucKhoe.Forwarding;

namespace SoSucKhoe.Grains.Forwarding;

/// <summary>
/// When the silo becomes active, wakes every outbox index shard: each one re-drives the persons it lists, so that dossiers
/// accepted before a crash or a restart reach the gateway without waiting for new traffic.
/// </summary>
public sealed partial class OutboxRedriveStartup(IGrainFactory grains, ILogger<OutboxRedriveStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OutboxRedriveStartup), ServiceLifecycleStage.Active, OnActiveAsync);

    private async Task OnActiveAsync(CancellationToken cancellationToken)
    {
        var open = 0;
        for (var shard = 0; shard < OutboxIndex.ShardCount; shard++)
        {
            open += await grains.GetGrain<IOutboxIndexGrain>(shard).GetCount();
        }

        LogStartup(logger, open);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox index activated: {Open} persons have documents still to forward")]
    private static partial void LogStartup(ILogger logger, int open);
}
