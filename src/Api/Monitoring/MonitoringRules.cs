namespace SoSucKhoe.Api.Monitoring;

/// <summary>The rule codes of the Monitoring service's field violations (besides the shared ones in ViolationRules).</summary>
public static class MonitoringRules
{
    /// <summary>A province code is 2 digits.</summary>
    public const string ProvinceCodeFormat = "province_code_format";

    /// <summary>A district code is 3 digits.</summary>
    public const string DistrictCodeFormat = "district_code_format";

    /// <summary>A commune code is 5 digits.</summary>
    public const string CommuneCodeFormat = "commune_code_format";

    /// <summary>A page token must come from the previous page of the same query.</summary>
    public const string PageToken = "page_token";
}
