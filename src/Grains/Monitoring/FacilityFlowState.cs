using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>The persisted flow of one facility: totals, hourly received/refused for 8 days, and half-year visit counts forever.</summary>
[GenerateSerializer, Alias("sosuckhoe.FacilityFlowState")]
public sealed class FacilityFlowState
{
    [Id(0)] public long Received { get; set; }

    [Id(1)] public long RefusedByHub { get; set; }

    [Id(2)] public long Accepted { get; set; }

    [Id(3)] public long Forwarded { get; set; }

    [Id(4)] public long Acknowledged { get; set; }

    [Id(5)] public long RejectedByGateway { get; set; }

    [Id(6)] public long LagTotalMilliseconds { get; set; }

    [Id(7)] public long LagMaxMilliseconds { get; set; }

    [Id(8)] public DateTimeOffset? LastActivity { get; set; }

    /// <summary>UTC hour start → counts; hours older than 8 days are dropped.</summary>
    [Id(9)] public Dictionary<DateTimeOffset, HourCount> Hours { get; set; } = [];

    /// <summary>"period|careType|insured" → counts.</summary>
    [Id(10)] public Dictionary<string, VisitCount> Visits { get; set; } = [];

    /// <summary>When the first acknowledgment was counted (the facility grain is told, to go live).</summary>
    [Id(11)] public DateTimeOffset? FirstAcknowledgedAt { get; set; }
}
