using System.Globalization;

namespace SoSucKhoe.TestData;

/// <summary>
/// A birth date whose day and/or month may be unknown. Unknown parts are written as zeros,
/// as the national format requires (e.g. <c>195000000000</c> when only the year is known).
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day)
{
    public bool IsComplete => Month != 0 && Day != 0;

    /// <summary>yyyyMMdd with zeros for unknown parts.</summary>
    public string ToYyyyMmDd() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}{Month:D2}{Day:D2}");

    /// <summary>yyyyMMddHHmm with zeros for unknown parts and for the (unknown) hour.</summary>
    public string ToYyyyMmDdHhMm() => ToYyyyMmDd() + "0000";

    /// <summary>Age in whole years at <paramref name="date"/>, treating unknown month/day as 1 January.</summary>
    public int AgeAt(DateOnly date)
    {
        var birthday = new DateOnly(Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day);
        var age = date.Year - birthday.Year;
        if (date < birthday.AddYears(age))
        {
            age--;
        }

        return Math.Max(age, 0);
    }
}
