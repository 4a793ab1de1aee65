namespace SoSucKhoe.Api.Facilities;

/// <summary>Rule codes of the facility registry's field violations, besides the shared ones of <c>ViolationRules</c>.</summary>
public static class RegistryRules
{
    /// <summary>The condition is derived by the hub from facts it holds and cannot be declared.</summary>
    public const string ConditionDerived = "condition_derived";

    /// <summary>The district does not belong to the province (per the administrative-unit list in force on that day).</summary>
    public const string DistrictNotInProvince = "district_not_in_province";

    /// <summary>The commune does not belong to the district (per the administrative-unit list in force on that day).</summary>
    public const string CommuneNotInDistrict = "commune_not_in_district";

    /// <summary>The province is not in the administrative-unit list in force on that day.</summary>
    public const string UnknownProvince = "unknown_province";

    /// <summary>The same facility appears on two rows of one import.</summary>
    public const string DuplicateRow = "duplicate_row";

    /// <summary>The CSV file cannot be read (quoting, header).</summary>
    public const string CsvMalformed = "csv_malformed";

    /// <summary>A free text is empty, too long or holds control characters.</summary>
    public const string Text = "text";
}
