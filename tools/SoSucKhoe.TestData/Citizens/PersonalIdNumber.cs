namespace SoSucKhoe.TestData;

/// <summary>
/// Structure of the 12-digit personal identification number (CCCD): 3-digit birth-registration
/// province, 1 century/sex digit, 2 year digits, 6 random digits. There is no check digit.
/// </summary>
public static class PersonalIdNumber
{
    /// <summary>Century/sex digit: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 1800s.</summary>
    public static int CenturySexDigit(int birthYear, Sex sex)
    {
        var century = birthYear / 100;
        var baseDigit = century switch
        {
            18 => 8,
            19 => 0,
            20 => 2,
            21 => 4,
            22 => 6,
            _ => throw new ArgumentOutOfRangeException(nameof(birthYear), "Birth year outside 1800..2299."),
        };
        return baseDigit + (sex == Sex.Female ? 1 : 0);
    }

    /// <summary>Builds a 12-digit number; <paramref name="serial"/> is reduced to 6 digits.</summary>
    public static string Compose(string birthProvinceCode, int birthYear, Sex sex, int serial)
    {
        if (birthProvinceCode.Length != 3 || !birthProvinceCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Birth province code must be 3 digits.", nameof(birthProvinceCode));
        }

        return string.Concat(
            birthProvinceCode,
            CenturySexDigit(birthYear, sex).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (birthYear % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            (Math.Abs(serial) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Reads birth century and sex back from a 12-digit number, or null if it is not one.</summary>
    public static (int BirthYear, Sex Sex)? Decode(string personalId)
    {
        if (personalId.Length != 12 || !personalId.All(char.IsAsciiDigit))
        {
            return null;
        }

        var digit = personalId[3] - '0';
        var century = (digit / 2) switch
        {
            0 => 1900,
            1 => 2000,
            2 => 2100,
            3 => 2200,
            _ => 1800,
        };
        var year = century + int.Parse(personalId.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        return (year, digit % 2 == 0 ? Sex.Male : Sex.Female);
    }
}
