using SoSucKhoe.Patients;

namespace SoSucKhoe.Forwarding;

/// <summary>How one forwarding attempt ended.</summary>
public enum ForwardOutcome
{
    /// <summary>maKetQua "200": the receipt is final.</summary>
    Acknowledged = 1,

    /// <summary>The gateway refused the document with a business result code: final, kept with its message.</summary>
    Rejected = 2,

    /// <summary>Transport failure, timeout, 5xx or an open circuit after the retries: the entry stays and is re-driven.</summary>
    TransientFailure = 3,
}

/// <summary>The forwarder's report of one attempt to deliver an outbox entry.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ForwardResult")]
public sealed record ForwardResult(
    [property: Id(0)] string ItemId,
    [property: Id(1)] ForwardOutcome Outcome,
    [property: Id(2)] string? ResultCode,
    [property: Id(3)] string? Message,
    [property: Id(4)] GatewayReceipt? Receipt,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset CompletedAt);
