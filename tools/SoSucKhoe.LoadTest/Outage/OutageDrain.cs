namespace SoSucKhoe.LoadTest.Outage;

/// <summary>Computes an <see cref="OutageResult"/> from the gateway polls of a run.</summary>
public static class OutageDrain
{
    /// <summary>
    /// Backlog at the end of the outage (the last poll at or before it), the first poll after it with a new acknowledgement, the
    /// first poll after it with no backlog (caught up), and the rates between. Lost/dead-lettered are filled in by the caller.
    /// </summary>
    public static OutageResult Compute(IReadOnlyList<GatewayPoint> points, double outageAtSeconds, double outageForSeconds, double arrivalRate)
    {
        ArgumentNullException.ThrowIfNull(points);
        var end = outageAtSeconds + outageForSeconds;
        var ordered = points.OrderBy(static p => p.AtSeconds).ToList();
        var atEnd = ordered.LastOrDefault(p => p.AtSeconds <= end) ?? new GatewayPoint(end, 0, 0);
        var after = ordered.Where(p => p.AtSeconds > end).ToList();
        var firstAck = after.FirstOrDefault(p => p.GatewayAcknowledged > atEnd.GatewayAcknowledged);
        var caughtUp = after.FirstOrDefault(static p => p.Backlog == 0);
        var result = new OutageResult
        {
            OutageAtSeconds = outageAtSeconds,
            OutageForSeconds = outageForSeconds,
            ArrivalRate = arrivalRate,
            BacklogAtEnd = atEnd.Backlog,
            PeakBacklog = ordered.Count == 0 ? 0 : ordered.Max(static p => p.Backlog),
            CaughtUp = caughtUp is not null,
            SecondsToFirstAcknowledgement = firstAck is null ? null : Math.Round(firstAck.AtSeconds - end, 2),
        };
        if (caughtUp is null || caughtUp.AtSeconds <= end)
        {
            return result;
        }

        var seconds = caughtUp.AtSeconds - end;
        var drain = (caughtUp.GatewayAcknowledged - atEnd.GatewayAcknowledged) / seconds;
        return result with
        {
            SecondsToCatchUp = Math.Round(seconds, 2),
            DrainRate = Math.Round(drain, 1),
            NetDrainRate = Math.Round(atEnd.Backlog / seconds, 1),
            Ratio = arrivalRate <= 0 ? null : Math.Round(drain / arrivalRate, 2),
        };
    }
}
