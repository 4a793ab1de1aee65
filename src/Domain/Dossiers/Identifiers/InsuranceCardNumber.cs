namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>
/// A health-insurance card number (MA_THE_BHYT): 15 characters = 2 upper-case letters (beneficiary group) + benefit level 1..5
/// + 2-digit province code + 10-digit social-insurance number; newer cards print only the 10 digits.
/// </summary>
/// <remarks>The group is checked for shape only: the list of group codes is regulation data and changes by decree.</remarks>
public readonly record struct InsuranceCardNumber
{
    private InsuranceCardNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>True for the 10-digit form (no group, level or province).</summary>
    public bool IsShortForm => Value is { Length: 10 };

    /// <summary>The 2-letter beneficiary group (e.g. "DN", "HT", "TE"), or null for the short form.</summary>
    public string? Group => Value is { Length: 15 } ? Value[..2] : null;

    /// <summary>The benefit level 1..5, or null for the short form.</summary>
    public int? BenefitLevel => Value is { Length: 15 } ? Value[2] - '0' : null;

    /// <summary>The 2-digit province code of the issuing office, or null for the short form.</summary>
    public string? ProvinceCode => Value is { Length: 15 } ? Value.Substring(3, 2) : null;

    /// <summary>The 10-digit social-insurance number.</summary>
    public string SocialInsuranceNumber => Value is null ? string.Empty : Value[^10..];

    /// <summary>A log-safe rendering, e.g. "DN470********45" or "********45".</summary>
    public string Masked => IsShortForm ? Masking.Mask(Value, 0, 2) : Masking.Mask(Value, 5, 2);

    public static bool TryParse(string? text, out InsuranceCardNumber card, out string? reason)
    {
        card = default;
        var span = text.AsSpan().Trim();
        if (span.Length == 10)
        {
            if (!AllDigits(span))
            {
                reason = "A 10-character insurance card number must contain digits only.";
                return false;
            }
        }
        else if (span.Length == 15)
        {
            if (!char.IsAsciiLetterUpper(span[0]) || !char.IsAsciiLetterUpper(span[1]))
            {
                reason = "An insurance card number must start with a 2-letter upper-case group code.";
                return false;
            }

            if (span[2] is < '1' or > '5')
            {
                reason = "The benefit level of an insurance card number (3rd character) must be 1 to 5.";
                return false;
            }

            if (!AllDigits(span[3..]))
            {
                reason = "The last 12 characters of an insurance card number (province code and social-insurance number) must be digits.";
                return false;
            }
        }
        else
        {
            reason = "An insurance card number must have 15 characters (or 10 digits for the short form).";
            return false;
        }

        card = new InsuranceCardNumber(span.Length == text!.Length ? text : span.ToString());
        reason = null;
        return true;
    }

    public override string ToString() => Masked;

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
