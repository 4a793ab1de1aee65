namespace SoSucKhoe.Dossiers.Model;

/// <summary>How much of a <see cref="VnDateTime"/> is known.</summary>
public enum VnDatePrecision
{
    /// <summary>yyyyMMddHHmm with a time of day (for birth dates: hour and minute not both zero).</summary>
    Minute = 0,

    /// <summary>yyyyMMdd, or a birth date whose hour and minute are written as 0000.</summary>
    Day = 1,

    /// <summary>Birth date with an unknown day (written as 00).</summary>
    Month = 2,

    /// <summary>Birth date with unknown day and month (written as 0000).</summary>
    Year = 3,
}
