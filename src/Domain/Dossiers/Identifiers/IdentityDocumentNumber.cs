namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>
/// The value of SO_CCCD: a 12-digit personal ID, a 9-digit old ID, a passport number (1 upper-case letter + 7 digits)
/// or, when the person has none of those, an electronic identification account code (accepted as <see cref="IdentityDocumentKind.Other"/>:
/// up to 15 letters and digits, containing at least one letter).
/// </summary>
public readonly record struct IdentityDocumentNumber
{
    /// <summary>The longest value SO_CCCD may hold.</summary>
    public const int MaxLength = 15;

    private IdentityDocumentNumber(string value, IdentityDocumentKind kind, PersonalId? personalId)
    {
        Value = value;
        Kind = kind;
        PersonalId = personalId;
    }

    public string Value { get; }

    public IdentityDocumentKind Kind { get; }

    /// <summary>The decoded personal ID when <see cref="Kind"/> is <see cref="IdentityDocumentKind.PersonalId"/>.</summary>
    public PersonalId? PersonalId { get; }

    /// <summary>A log-safe rendering.</summary>
    public string Masked => Kind switch
    {
        IdentityDocumentKind.PersonalId => PersonalId!.Value.Masked,
        IdentityDocumentKind.Passport => Masking.Mask(Value, 1, 2),
        _ => Masking.Mask(Value, 2, 2),
    };

    public static bool TryParse(string? text, out IdentityDocumentNumber number, out string? reason)
    {
        number = default;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            reason = "The identity document number is empty.";
            return false;
        }

        if (span.Length > MaxLength)
        {
            reason = $"An identity document number has at most {MaxLength} characters.";
            return false;
        }

        var digits = 0;
        var letters = 0;
        foreach (var c in span)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else
            {
                reason = "An identity document number may contain only ASCII letters and digits.";
                return false;
            }
        }

        var value = span.Length == text!.Length ? text : span.ToString();
        if (letters == 0)
        {
            switch (span.Length)
            {
                case 12:
                    _ = Identifiers.PersonalId.TryParse(value, out var id, out _);
                    number = new IdentityDocumentNumber(value, IdentityDocumentKind.PersonalId, id);
                    reason = null;
                    return true;
                case 9:
                    number = new IdentityDocumentNumber(value, IdentityDocumentKind.OldIdentityCard, null);
                    reason = null;
                    return true;
                default:
                    reason = "A numeric identity document number must have 12 digits (personal ID) or 9 digits (old ID card).";
                    return false;
            }
        }

        if (span.Length == 8 && char.IsAsciiLetterUpper(span[0]) && letters == 1)
        {
            number = new IdentityDocumentNumber(value, IdentityDocumentKind.Passport, null);
            reason = null;
            return true;
        }

        number = new IdentityDocumentNumber(value, IdentityDocumentKind.Other, null);
        reason = null;
        return true;
    }

    public override string ToString() => Masked;
}
