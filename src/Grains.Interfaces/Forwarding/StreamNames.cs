namespace SoSucKhoe.Forwarding;

/// <summary>Names shared by the producers and the consumers of the hub's in-memory streams.</summary>
public static class StreamNames
{
    /// <summary>The stream provider: outbox entries to the forwarders, and readiness changes to their watchers.</summary>
    public const string Provider = "hub";

    /// <summary>The namespace of the per-facility forwarding streams; the stream key is the facility code.</summary>
    public const string ForwardNamespace = "forward";

    /// <summary>The namespace of the per-province readiness change streams; the stream key is the province code.</summary>
    public const string ReadinessNamespace = "readiness";
}
