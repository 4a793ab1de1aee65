namespace SoSucKhoe.Dossiers.Model;

/// <summary>
/// A date or date-time of the national dossier standard: yyyyMMddHHmm (12 digits) or yyyyMMdd (8 digits),
/// local Vietnam time (UTC+7, no daylight saving). Birth dates may carry zeros for an unknown day, month or time.
/// </summary>
/// <param name="Value">The instant, always with a +07:00 offset. Unknown parts are the first possible value (day 1, January, 00:00).</param>
/// <param name="Precision">How much of <paramref name="Value"/> is known.</param>
public readonly record struct VnDateTime(DateTimeOffset Value, VnDatePrecision Precision)
{
    /// <summary>Vietnam's offset from UTC.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public int Year => Value.Year;

    /// <summary>Parses 12 or 8 digits. Zero day/month/time parts are not allowed (see <see cref="TryParseBirthDate(ReadOnlySpan{char}, out VnDateTime, out string?)"/>).</summary>
    public static bool TryParse(string? text, out VnDateTime value) =>
        TryParse(text.AsSpan(), VnDateFormats.Any, out value, out _);

    /// <summary>Parses a date in one of the accepted <paramref name="formats"/>; on failure, <paramref name="reason"/> says why in English.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, VnDateFormats formats, out VnDateTime value, out string? reason) =>
        TryParseCore(text, formats, allowUnknownParts: false, out value, out reason);

    /// <summary>
    /// Parses NGAY_SINH: 12 digits (8 also accepted), where unknown day and month are written as 0000 (yyyy0000HHmm),
    /// an unknown day as 00, and an unknown time as 0000.
    /// </summary>
    public static bool TryParseBirthDate(ReadOnlySpan<char> text, out VnDateTime value, out string? reason) =>
        TryParseCore(text, VnDateFormats.Any, allowUnknownParts: true, out value, out reason);

    /// <summary>Parses a birth date restricted to the given lengths (NGAY_SINH of XML1 must have 12 digits).</summary>
    public static bool TryParseBirthDate(ReadOnlySpan<char> text, VnDateFormats formats, out VnDateTime value, out string? reason) =>
        TryParseCore(text, formats, allowUnknownParts: true, out value, out reason);

    /// <summary>Parses a birth date, returning null when it is absent or invalid.</summary>
    public static VnDateTime? ParseBirthDateOrNull(string? text) =>
        TryParseBirthDate(text.AsSpan(), out var value, out _) ? value : null;

    /// <summary>Parses a 12- or 8-digit date, returning null when it is absent or invalid.</summary>
    public static VnDateTime? ParseOrNull(string? text) =>
        TryParse(text.AsSpan(), VnDateFormats.Any, out var value, out _) ? value : null;

    /// <summary>Creates a value from a local Vietnam date-time.</summary>
    public static VnDateTime FromLocal(int year, int month, int day, int hour = 0, int minute = 0, VnDatePrecision precision = VnDatePrecision.Minute) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, VietnamOffset), precision);

    /// <summary>Converts any instant to Vietnam local time with minute precision.</summary>
    public static VnDateTime FromInstant(DateTimeOffset instant) =>
        new(instant.ToOffset(VietnamOffset), VnDatePrecision.Minute);

    /// <summary>The standard rendering: 12 digits for minute precision, otherwise 8 digits (unknown parts as zeros).</summary>
    public string ToDossierString()
    {
        var v = Value;
        return Precision switch
        {
            VnDatePrecision.Minute => v.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture),
            VnDatePrecision.Day => v.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            VnDatePrecision.Month => v.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture) + "00",
            _ => v.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture) + "0000",
        };
    }

    public override string ToString() => ToDossierString();

    private static bool TryParseCore(ReadOnlySpan<char> text, VnDateFormats formats, bool allowUnknownParts, out VnDateTime value, out string? reason)
    {
        value = default;
        text = text.Trim();
        var length = text.Length;
        if (length == 12 ? (formats & VnDateFormats.DateTime12) == 0 : length == 8 ? (formats & VnDateFormats.Date8) == 0 : true)
        {
            reason = formats switch
            {
                VnDateFormats.Date8 => "must have 8 digits (yyyyMMdd)",
                VnDateFormats.DateTime12 => "must have 12 digits (yyyyMMddHHmm)",
                _ => "must have 12 digits (yyyyMMddHHmm) or 8 digits (yyyyMMdd)",
            };
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                reason = "must contain digits only";
                return false;
            }
        }

        var year = Number(text, 0, 4);
        var month = Number(text, 4, 2);
        var day = Number(text, 6, 2);
        var hour = length == 12 ? Number(text, 8, 2) : 0;
        var minute = length == 12 ? Number(text, 10, 2) : 0;

        var precision = length == 12 ? VnDatePrecision.Minute : VnDatePrecision.Day;
        if (allowUnknownParts)
        {
            if (month == 0)
            {
                if (day != 0)
                {
                    reason = "has an unknown month but a known day";
                    return false;
                }

                precision = VnDatePrecision.Year;
                month = 1;
                day = 1;
            }
            else if (day == 0)
            {
                precision = VnDatePrecision.Month;
                day = 1;
            }
            else if (length == 12 && hour == 0 && minute == 0)
            {
                precision = VnDatePrecision.Day;
            }
        }

        if (year < 1)
        {
            reason = "has an invalid year";
            return false;
        }

        if (month is < 1 or > 12)
        {
            reason = "has an invalid month";
            return false;
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            reason = "has an invalid day of month";
            return false;
        }

        if (hour > 23 || minute > 59)
        {
            reason = "has an invalid time of day";
            return false;
        }

        value = new VnDateTime(new DateTimeOffset(year, month, day, hour, minute, 0, VietnamOffset), precision);
        reason = null;
        return true;
    }

    private static int Number(ReadOnlySpan<char> text, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            n = (n * 10) + (text[i] - '0');
        }

        return n;
    }
}
