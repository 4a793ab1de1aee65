namespace SoSucKhoe.LoadTest.Ceilings;

/// <summary>The arithmetic of the ceilings.</summary>
public static class CeilingMath
{
    /// <summary>Dossiers per second all cores could take: cores ÷ (CPU ms per dossier / 1000); 0 when the cost is unknown.</summary>
    public static double CpuCeiling(int cores, double cpuMsPerDossier) =>
        cpuMsPerDossier <= 0 ? 0 : Math.Round(cores * 1000 / cpuMsPerDossier, 1);

    /// <summary>Dossiers per second the storage could commit: rows per second ÷ state writes per dossier.</summary>
    public static double StorageCeiling(double rowsPerSecond, double writesPerDossier) =>
        writesPerDossier <= 0 ? 0 : Math.Round(rowsPerSecond / writesPerDossier, 1);

    /// <summary>Milliseconds per item, rounded to microseconds; 0 for no items.</summary>
    public static double MsPer(TimeSpan time, long count) => count <= 0 ? 0 : Math.Round(time.TotalMilliseconds / count, 3);
}
