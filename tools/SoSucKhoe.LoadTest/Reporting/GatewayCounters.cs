namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>Counters of the gateway emulator (from its stats JSON); in a report, the change over the run.</summary>
public sealed record GatewayCounters(long Received, long Dossiers, long Duplicates, long OrderViolations, long Rejected)
{
    public GatewayCounters Minus(GatewayCounters before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new(
            Received - before.Received,
            Dossiers - before.Dossiers,
            Duplicates - before.Duplicates,
            OrderViolations - before.OrderViolations,
            Rejected - before.Rejected);
    }
}
