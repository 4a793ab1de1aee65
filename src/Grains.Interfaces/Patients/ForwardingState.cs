namespace SoSucKhoe.Patients;

/// <summary>Where a forwarded document stands on its way to the national gateway.</summary>
public enum ForwardingState
{
    /// <summary>Durably accepted by the hub, waiting in the person's outbox.</summary>
    Accepted = 1,

    /// <summary>At least one attempt to deliver it has been made, without a final answer yet.</summary>
    Forwarding = 2,

    /// <summary>The gateway answered maKetQua "200" and gave a receipt.</summary>
    Acknowledged = 3,

    /// <summary>The gateway answered with another result code; its message is kept.</summary>
    RejectedByGateway = 4,
}
