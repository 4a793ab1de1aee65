namespace SoSucKhoe.DemoSeed;

/// <summary>How far the seed takes a facility.</summary>
public enum DemoStage
{
    /// <summary>Registered only.</summary>
    Registered = 1,

    /// <summary>Connection code issued, some conditions declared (some in progress), a few conformance dossiers.</summary>
    Preparing = 2,

    /// <summary>Phase 1 complete, no production traffic yet.</summary>
    Ready = 3,

    /// <summary>Ready, and production dossiers sent (live once the gateway acknowledges them).</summary>
    Live = 4,

    /// <summary>Ready, then suspended by the province.</summary>
    Suspended = 5,
}
