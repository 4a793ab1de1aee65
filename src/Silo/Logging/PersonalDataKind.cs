namespace SoSucKhoe.Silo.Logging;

/// <summary>What a property holds, judged by its name; decides how its value is masked.</summary>
public enum PersonalDataKind
{
    /// <summary>Not personal data by name; strings are still run through <see cref="PersonalDataMasker"/>.</summary>
    None,

    /// <summary>A person's name (HO_TEN, FullName, ...): rendered as initials, "N. V. A.".</summary>
    Name,

    /// <summary>A postal address (DIA_CHI, Address, ...): rendered as "(masked address)".</summary>
    Address,

    /// <summary>A phone number: identifier masking, everything but the last 2 digits otherwise.</summary>
    Phone,

    /// <summary>A personal ID, old ID, passport or person key: identifier masking, everything but the last 2 characters otherwise.</summary>
    PersonalId,

    /// <summary>An insurance card or social-insurance number: identifier masking, everything but the last 2 characters otherwise.</summary>
    InsuranceCard,

    /// <summary>An e-mail address: first character of the local part and the domain stay.</summary>
    Email,

    /// <summary>A date of birth (NGAY_SINH, DateOfBirth): only the year stays.</summary>
    BirthDate,
}
