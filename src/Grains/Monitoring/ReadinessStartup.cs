using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>When the silo becomes active, activates the aggregate of the province this hub serves, so that its sweep runs.</summary>
public sealed partial class ReadinessStartup(IGrainFactory grains, IOptions<ReadinessOptions> options, ILogger<ReadinessStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ReadinessStartup), ServiceLifecycleStage.Active, OnActiveAsync);

    private async Task OnActiveAsync(CancellationToken cancellationToken)
    {
        var province = options.Value.ProvinceCode;
        var readiness = await grains.GetGrain<IProvinceReadinessGrain>(province).GetReadiness();
        LogStartup(logger, province, readiness.Total.Facilities);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness aggregate of province {ProvinceCode} activated with {Facilities} facilities")]
    private static partial void LogStartup(ILogger logger, string provinceCode, int facilities);
}
