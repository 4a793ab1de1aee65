namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>
/// The 12-digit personal identification number (số định danh cá nhân, printed on the chip ID card):
/// 3-digit birth-registration province code, 1 century/sex digit, 2 year digits, 6 random digits. It has no check digit.
/// </summary>
/// <remarks>
/// Century/sex digit: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 1800s (even = male, odd = female).
/// <see cref="ToString"/> returns the masked form so that the full number never reaches a log by accident.
/// </remarks>
public readonly record struct PersonalId
{
    private PersonalId(string value) => Value = value;

    /// <summary>The 12 digits.</summary>
    public string Value { get; }

    /// <summary>The 3-digit birth-registration province code (e.g. "070" for Bình Phước).</summary>
    public string ProvinceCode => Value is null ? string.Empty : Value[..3];

    /// <summary>The century/sex digit (0..9).</summary>
    public int CenturyDigit => Value is null ? 0 : Value[3] - '0';

    /// <summary>The first year of the birth century (1800, 1900, 2000, 2100 or 2200).</summary>
    public int Century => CenturyDigit switch
    {
        0 or 1 => 1900,
        2 or 3 => 2000,
        4 or 5 => 2100,
        6 or 7 => 2200,
        _ => 1800,
    };

    /// <summary>The full birth year encoded in the number.</summary>
    public int BirthYear => Value is null ? 0 : Century + ((Value[4] - '0') * 10) + (Value[5] - '0');

    /// <summary>The sex encoded in the number (never <see cref="Sex.Unknown"/>).</summary>
    public Sex Sex => CenturyDigit % 2 == 0 ? Sex.Male : Sex.Female;

    /// <summary>A log-safe rendering, e.g. "0702******45".</summary>
    public string Masked => Masking.Mask(Value, 4, 2);

    /// <summary>Parses exactly 12 ASCII digits (surrounding white space is trimmed).</summary>
    public static bool TryParse(string? text, out PersonalId id, out string? reason)
    {
        id = default;
        var span = text.AsSpan().Trim();
        if (span.Length != 12)
        {
            reason = "A personal identification number must have exactly 12 digits.";
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                reason = "A personal identification number must contain digits only.";
                return false;
            }
        }

        id = new PersonalId(span.Length == text!.Length ? text : span.ToString());
        reason = null;
        return true;
    }

    /// <summary>Parses, throwing <see cref="FormatException"/> on failure (for trusted input such as keys).</summary>
    public static PersonalId Parse(string text) =>
        TryParse(text, out var id, out var reason) ? id : throw new FormatException(reason);

    public override string ToString() => Masked;
}
