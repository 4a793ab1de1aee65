namespace SoSucKhoe.Patients;

/// <summary>
/// Builds the key of a <see cref="IPatientGrain"/>. Citizens are keyed by their 12-digit personal identification number; people
/// known only by another identifier get a namespaced key so that they never collide with a personal ID.
/// </summary>
public static class PersonKey
{
    public const string LegacyIdPrefix = "legacy:";
    public const string PassportPrefix = "passport:";

    public static string ForLegacyId(string legacyId) => LegacyIdPrefix + legacyId;

    public static string ForPassport(string passport) => PassportPrefix + passport;

    /// <summary>True when the key is a 12-digit personal identification number.</summary>
    public static bool IsPersonalId(string key) => key.Length == 12 && key.All(char.IsAsciiDigit);

    /// <summary>A rendering safe for logs: never the full identifier.</summary>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(none)";
        }

        var colon = key.IndexOf(':');
        var prefix = colon >= 0 ? key[..(colon + 1)] : string.Empty;
        var value = colon >= 0 ? key[(colon + 1)..] : key;
        if (value.Length <= 4)
        {
            return prefix + new string('*', value.Length);
        }

        var head = Math.Min(4, value.Length / 3);
        return prefix + value[..head] + new string('*', value.Length - head - 2) + value[^2..];
    }
}
