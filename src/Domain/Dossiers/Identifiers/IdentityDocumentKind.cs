namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>What SO_CCCD holds.</summary>
public enum IdentityDocumentKind
{
    /// <summary>12-digit personal identification number (chip ID card).</summary>
    PersonalId = 1,

    /// <summary>9-digit old identity card number (CMND).</summary>
    OldIdentityCard = 2,

    /// <summary>Passport: one upper-case letter followed by 7 digits.</summary>
    Passport = 3,

    /// <summary>Another alphanumeric code of at most 15 characters, e.g. an electronic identification account code.</summary>
    Other = 4,
}
