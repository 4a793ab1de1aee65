namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>
/// A health-care facility code (MA_CSKCB, MACSKCB, MA_DKBD): 5 characters whose first two digits are the province code
/// (e.g. 70xxx for Bình Phước). The remaining three characters are upper-case letters or digits.
/// </summary>
public readonly record struct FacilityCode
{
    public const int Length = 5;

    private FacilityCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The 2-digit province code.</summary>
    public string ProvinceCode => Value is null ? string.Empty : Value[..2];

    public static bool TryParse(string? text, out FacilityCode code, out string? reason)
    {
        code = default;
        var span = text.AsSpan().Trim();
        if (span.Length != Length)
        {
            reason = "A facility code must have exactly 5 characters.";
            return false;
        }

        if (!char.IsAsciiDigit(span[0]) || !char.IsAsciiDigit(span[1]))
        {
            reason = "A facility code must start with the 2-digit province code.";
            return false;
        }

        for (var i = 2; i < Length; i++)
        {
            if (!char.IsAsciiDigit(span[i]) && !char.IsAsciiLetterUpper(span[i]))
            {
                reason = "The last 3 characters of a facility code must be digits or upper-case letters.";
                return false;
            }
        }

        code = new FacilityCode(span.Length == text!.Length ? text : span.ToString());
        reason = null;
        return true;
    }

    public static FacilityCode Parse(string text) =>
        TryParse(text, out var code, out var reason) ? code : throw new FormatException(reason);

    public override string ToString() => Value ?? string.Empty;
}
