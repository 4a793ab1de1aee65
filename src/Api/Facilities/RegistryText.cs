using System.Globalization;

namespace SoSucKhoe.Api.Facilities;

/// <summary>Shared checks and conversions of registry input: free text, dates and the local calendar (UTC+7).</summary>
public static class RegistryText
{
    /// <summary>Vietnam's offset: days of effect are local calendar days.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    /// <summary>True when <paramref name="value"/> has 1 to <paramref name="max"/> characters, not only blanks, no control character.</summary>
    public static bool IsPrintable(string? value, int max) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= max && !value.Any(char.IsControl);

    /// <summary>True when <paramref name="value"/> is exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool IsDigits(string? value, int length) => value is not null && value.Length == length && value.All(char.IsAsciiDigit);

    /// <summary>Parses "yyyy-MM-dd".</summary>
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Formats a day as "yyyy-MM-dd".</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today in Vietnam.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(LocalOffset).DateTime);

    /// <summary>The empty string as null, trimmed otherwise.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
