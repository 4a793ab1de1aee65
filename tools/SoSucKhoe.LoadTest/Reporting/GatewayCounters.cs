namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>Counters of the gateway emulator (from its stats JSON); in a report, the change over the run.</summary>
public sealed record GatewayCounters(long Received, long Dossiers, long Duplicates, long OrderViolations, long Rejected)
{
    /// <summary>Dossiers with a (facility, MA_LK, content) not seen before.</summary>
    public long DistinctDossiers { get; init; }

    /// <summary>Check-ins acknowledged.</summary>
    public long CheckIns { get; init; }

    public GatewayCounters Minus(GatewayCounters before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new(
            Received - before.Received,
            Dossiers - before.Dossiers,
            Duplicates - before.Duplicates,
            OrderViolations - before.OrderViolations,
            Rejected - before.Rejected)
        {
            DistinctDossiers = DistinctDossiers - before.DistinctDossiers,
            CheckIns = CheckIns - before.CheckIns,
        };
    }
}
