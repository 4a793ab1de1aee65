using System.Globalization;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>The half-year periods of the semiannual report: "2025-H1" (January to June) and "2025-H2", in local time.</summary>
public static class ReportPeriods
{
    /// <summary>The period an instant falls in, at a local offset.</summary>
    public static string Of(DateTimeOffset at, TimeSpan localOffset)
    {
        var local = at.ToOffset(localOffset);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year:D4}-H{(local.Month <= 6 ? 1 : 2)}");
    }

    /// <summary>True for "yyyy-H1" or "yyyy-H2".</summary>
    public static bool IsValid(string? period) =>
        period is { Length: 7 } p && p[4] == '-' && p[5] == 'H' && p[6] is '1' or '2'
        && int.TryParse(p.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000;
}
