namespace SoSucKhoe.Dossiers;

/// <summary>
/// Stable rule codes used in <see cref="Violation.Rule"/>. They are part of the API contract: never rename one.
/// </summary>
public static class ViolationRules
{
    // Reading (document level).
    public const string MessageMalformed = "message_malformed";
    public const string XmlMalformed = "xml_malformed";
    public const string XmlLimits = "xml_limits";
    public const string XmlDtd = "xml_dtd";
    public const string Encoding = "encoding";
    public const string Base64 = "base64";
    public const string EnvelopeStructure = "envelope_structure";
    public const string TableRoot = "table_root";
    public const string TableStructure = "table_structure";
    public const string DuplicateTable = "duplicate_table";
    public const string DuplicateField = "duplicate_field";
    public const string UnknownTable = "unknown_table";
    public const string TableForbidden = "table_forbidden";
    public const string TablePresence = "table_presence";
    public const string CountMismatch = "count_mismatch";

    // Fields.
    public const string Required = "required";
    public const string MaxLength = "max_length";
    public const string NumberFormat = "number_format";
    public const string DateFormat = "date_format";
    public const string DateOrder = "date_order";
    public const string FutureDate = "future_date";
    public const string CodeList = "code_list";
    public const string UnknownField = "unknown_field";
    public const string MaxItems = "max_items";

    /// <summary>A field of another data standard than the one governing the episode's day (e.g. XML13 MA_NOI_DI in a 2026 episode).</summary>
    public const string StandardMismatch = "standard_mismatch";

    /// <summary>A residence code that is not a unit of the administrative-unit list in force on the visit's days.</summary>
    public const string AdministrativeUnit = "administrative_unit";

    /// <summary>A notice, never a refusal: a code missing from a code list the hub knows to be incomplete.</summary>
    public const string CodeListIncomplete = "code_list_incomplete";

    // Identifiers and consistency.
    public const string PersonalIdStructure = "personal_id_structure";
    public const string PersonalIdBirthMismatch = "personal_id_birth_mismatch";
    public const string PersonalIdSexMismatch = "personal_id_sex_mismatch";
    public const string CardStructure = "card_structure";
    public const string FacilityCodeStructure = "facility_code_structure";
    public const string MaLkMismatch = "ma_lk_mismatch";
    public const string FacilityMismatch = "facility_mismatch";

    // Diagnoses.
    public const string Icd10Unknown = "icd10_unknown";
    public const string Icd10SexMismatch = "icd10_sex_mismatch";

    // Signatures (CHUKYDONVI).
    public const string SignatureMissing = "signature_missing";
    public const string SignatureMalformed = "signature_malformed";
    public const string SignatureInvalid = "signature_invalid";
    public const string SignatureWeakAlgorithm = "signature_weak_algorithm";
    public const string SignatureWrapping = "signature_wrapping";
    public const string SignatureCertificateMissing = "signature_certificate_missing";
    public const string SignatureCertificateUnknown = "signature_certificate_unknown";
    public const string SignatureCertificateOtherFacility = "signature_certificate_other_facility";
    public const string SignatureCertificateExpired = "signature_certificate_expired";
    public const string SignatureCertificateRevoked = "signature_certificate_revoked";

    /// <summary>The last entry of a list that reached its cap: further violations were not reported.</summary>
    public const string TooManyViolations = "too_many_violations";
}
