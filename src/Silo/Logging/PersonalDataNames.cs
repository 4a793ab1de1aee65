using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// Recognizes personal data by the name of the property, field or dictionary key that holds it (Vietnamese standard names such as
/// <c>HO_TEN</c>, <c>SO_CCCD</c>, <c>MA_THE_BHYT</c>, <c>DIA_CHI</c>, <c>DIEN_THOAI</c> and their English/PascalCase equivalents).
/// Names are compared without case, underscores, hyphens and a leading <c>@</c> or <c>$</c>.
/// </summary>
/// <remarks>
/// A bare <c>Name</c> (or <c>Ten</c>) is a person's name only inside a person-like structure (type name containing Patient, Person,
/// Citizen, BenhNhan, Guardian, Contact): elsewhere it names facilities, grain types or event ids. "Address" counts only alone or with
/// a postal qualifier (HomeAddress, PatientAddress, ...), never SiloAddress, IpAddress or RemoteAddress.
/// </remarks>
public static class PersonalDataNames
{
    private const int MaxCachedNames = 4096;

    private static readonly ConcurrentDictionary<string, PersonalDataKind> Cache = new(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PersonalDataKind> Exact = new Dictionary<string, PersonalDataKind>
    {
        ["tenbenhnhan"] = PersonalDataKind.Name,
        ["patientname"] = PersonalDataKind.Name,
        ["personname"] = PersonalDataKind.Name,
        ["citizenname"] = PersonalDataKind.Name,
        ["firstname"] = PersonalDataKind.Name,
        ["lastname"] = PersonalDataKind.Name,
        ["middlename"] = PersonalDataKind.Name,
        ["givenname"] = PersonalDataKind.Name,
        ["familyname"] = PersonalDataKind.Name,
        ["surname"] = PersonalDataKind.Name,
        ["noio"] = PersonalDataKind.Address,
        ["noicutru"] = PersonalDataKind.Address,
        ["noithuongtru"] = PersonalDataKind.Address,
        ["noitamtru"] = PersonalDataKind.Address,
        ["sdt"] = PersonalDataKind.Phone,
        ["mobile"] = PersonalDataKind.Phone,
        ["tel"] = PersonalDataKind.Phone,
        ["didong"] = PersonalDataKind.Phone,
        ["cccd"] = PersonalDataKind.PersonalId,
        ["socccd"] = PersonalDataKind.PersonalId,
        ["cmnd"] = PersonalDataKind.PersonalId,
        ["socmnd"] = PersonalDataKind.PersonalId,
        ["person"] = PersonalDataKind.PersonalId,
        ["personkey"] = PersonalDataKind.PersonalId,
        ["patientkey"] = PersonalDataKind.PersonalId,
        ["patientid"] = PersonalDataKind.PersonalId,
        ["citizenid"] = PersonalDataKind.PersonalId,
        ["nationalid"] = PersonalDataKind.PersonalId,
        ["idnumber"] = PersonalDataKind.PersonalId,
        ["identitynumber"] = PersonalDataKind.PersonalId,
        ["legacyid"] = PersonalDataKind.PersonalId,
        ["hochieu"] = PersonalDataKind.PersonalId,
        ["sohochieu"] = PersonalDataKind.PersonalId,
        ["madinhdanh"] = PersonalDataKind.PersonalId,
        ["sodinhdanh"] = PersonalDataKind.PersonalId,
        ["card"] = PersonalDataKind.InsuranceCard,
        ["cardnumber"] = PersonalDataKind.InsuranceCard,
        ["mathe"] = PersonalDataKind.InsuranceCard,
        ["mathebhyt"] = PersonalDataKind.InsuranceCard,
        ["mathetam"] = PersonalDataKind.InsuranceCard,
        ["sothe"] = PersonalDataKind.InsuranceCard,
        ["sothebhyt"] = PersonalDataKind.InsuranceCard,
        ["bhyt"] = PersonalDataKind.InsuranceCard,
        ["masobhxh"] = PersonalDataKind.InsuranceCard,
        ["sobhxh"] = PersonalDataKind.InsuranceCard,
        ["socialinsurancenumber"] = PersonalDataKind.InsuranceCard,
        ["thudientu"] = PersonalDataKind.Email,
        ["ngaysinh"] = PersonalDataKind.BirthDate,
        ["dateofbirth"] = PersonalDataKind.BirthDate,
        ["birthdate"] = PersonalDataKind.BirthDate,
        ["birthday"] = PersonalDataKind.BirthDate,
        ["dob"] = PersonalDataKind.BirthDate,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PostalAddressQualifiers = new[]
    {
        string.Empty, "home", "patient", "person", "citizen", "resident", "residence", "street", "postal", "mailing", "permanent",
        "current", "contact", "billing", "temporary",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] PersonTypeMarkers = ["patient", "person", "citizen", "benhnhan", "guardian", "contact", "nguoi"];

    /// <summary>Classifies a property name; <paramref name="inPersonStructure"/> makes a bare Name/Ten a person's name.</summary>
    public static PersonalDataKind Classify(string? propertyName, bool inPersonStructure = false)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return PersonalDataKind.None;
        }

        if (!Cache.TryGetValue(propertyName, out var kind))
        {
            kind = ClassifyNormalized(Normalize(propertyName));
            if (Cache.Count < MaxCachedNames)
            {
                Cache.TryAdd(propertyName, kind);
            }
        }

        if (kind == PersonalDataKind.None && inPersonStructure)
        {
            var normalized = Normalize(propertyName);
            if (normalized is "name" or "ten" or "hovaten")
            {
                return PersonalDataKind.Name;
            }
        }

        return kind;
    }

    /// <summary>True when a type name denotes a person (a bare Name property of it is a person's name).</summary>
    public static bool IsPersonType(string? typeName)
    {
        if (string.IsNullOrEmpty(typeName))
        {
            return false;
        }

        foreach (var marker in PersonTypeMarkers)
        {
            if (typeName.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a name says its value is a date or time (NGAY_*, THOI_GIAN*, *Time, *Timestamp, *Date, *At, *_AT), except birth
    /// dates (NGAY_SINH, *Birth*), which are personal data.
    /// </summary>
    public static bool IsDateName(ReadOnlySpan<char> name)
    {
        name = name.TrimStart("@$");
        if (name.IsEmpty || name.Contains("sinh", StringComparison.OrdinalIgnoreCase)
            || name.Contains("birth", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.StartsWith("ngay", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("thoigian", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("thoi_gian", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("time", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("timestamp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("date", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_at", StringComparison.OrdinalIgnoreCase)
            || (name.Length > 2 && name.EndsWith("At", StringComparison.Ordinal));
    }

    private static PersonalDataKind ClassifyNormalized(string name)
    {
        if (name.Length == 0)
        {
            return PersonalDataKind.None;
        }

        if (Exact.TryGetValue(name, out var kind))
        {
            return kind;
        }

        if (name.StartsWith("hoten", StringComparison.Ordinal) || name.EndsWith("fullname", StringComparison.Ordinal))
        {
            return PersonalDataKind.Name;
        }

        if (name.Contains("email", StringComparison.Ordinal))
        {
            return PersonalDataKind.Email;
        }

        if (name.StartsWith("diachi", StringComparison.Ordinal)
            || (name.EndsWith("address", StringComparison.Ordinal) && PostalAddressQualifiers.Contains(name[..^"address".Length])))
        {
            return PersonalDataKind.Address;
        }

        if (name.Contains("phone", StringComparison.Ordinal) || name.Contains("dienthoai", StringComparison.Ordinal))
        {
            return PersonalDataKind.Phone;
        }

        if (name.StartsWith("personalid", StringComparison.Ordinal) || name.StartsWith("passport", StringComparison.Ordinal)
            || name.StartsWith("identitydocument", StringComparison.Ordinal) || name.StartsWith("cancuoc", StringComparison.Ordinal))
        {
            return PersonalDataKind.PersonalId;
        }

        if (name.StartsWith("insurancecard", StringComparison.Ordinal) || name.StartsWith("insurancenumber", StringComparison.Ordinal)
            || name.StartsWith("mathebhyt", StringComparison.Ordinal))
        {
            return PersonalDataKind.InsuranceCard;
        }

        return PersonalDataKind.None;
    }

    private static string Normalize(string name)
    {
        var span = name.AsSpan().TrimStart("@$");
        Span<char> buffer = span.Length <= 128 ? stackalloc char[span.Length] : new char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }
}
