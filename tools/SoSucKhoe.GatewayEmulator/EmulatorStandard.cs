namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// The services of one data standard as the gateway serves them (configuration <c>Emulator:Standards:&lt;standard&gt;</c>) and the
/// episodes it takes there: a dossier whose episode ended (XML1 NGAY_RA, else NGAY_VAO), or a check-in whose patient arrived
/// (NGAY_VAO), outside the period is refused, as the real gateway refuses a QĐ 3176 dossier on the QĐ 4750 endpoint.
/// </summary>
public sealed class EmulatorStandard
{
    /// <summary>The check-in (XML0) service path below the prefix.</summary>
    public string CheckInPath { get; set; } = string.Empty;

    /// <summary>The dossier service path below the prefix.</summary>
    public string DossierPath { get; set; } = string.Empty;

    /// <summary>First episode day taken here; null: no lower bound.</summary>
    public DateOnly? EpisodesFrom { get; set; }

    /// <summary>First episode day no longer taken here (exclusive); null: no upper bound.</summary>
    public DateOnly? EpisodesUntil { get; set; }

    /// <summary>True when an episode of that day belongs to this standard.</summary>
    public bool Takes(DateOnly day) => (EpisodesFrom is null || day >= EpisodesFrom) && (EpisodesUntil is null || day < EpisodesUntil);
}
