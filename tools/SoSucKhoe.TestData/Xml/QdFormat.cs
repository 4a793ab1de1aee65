using System.Globalization;

namespace SoSucKhoe.TestData;

/// <summary>Value formats of the national standard: local time UTC+7, invariant numbers.</summary>
public static class QdFormat
{
    /// <summary>Vietnam local time offset.</summary>
    public static TimeSpan LocalOffset { get; } = TimeSpan.FromHours(7);

    /// <summary>yyyyMMddHHmm in UTC+7.</summary>
    public static string DateTime12(DateTimeOffset value) =>
        value.ToOffset(LocalOffset).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>yyyyMMdd in UTC+7.</summary>
    public static string Date8(DateTimeOffset value) =>
        value.ToOffset(LocalOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Date8(DateOnly value) => value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Calendar date in UTC+7.</summary>
    public static DateOnly LocalDate(DateTimeOffset value) => DateOnly.FromDateTime(value.ToOffset(LocalOffset).DateTime);

    /// <summary>Decimal with '.' and at most 2 decimals, no grouping.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
