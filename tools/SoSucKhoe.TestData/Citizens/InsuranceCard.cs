namespace SoSucKhoe.TestData;

/// <summary>
/// A health-insurance card number MA_THE_BHYT: 15 characters = 2-letter beneficiary group,
/// benefit level 1..5, 2-digit province of issue, 10-digit social-insurance number.
/// </summary>
public sealed record InsuranceCard(
    string GroupCode,
    int BenefitLevel,
    string ProvinceCode,
    string SocialInsuranceNumber,
    string RegisteredFacilityCode)
{
    /// <summary>The 15-character card number.</summary>
    public string Number => $"{GroupCode}{BenefitLevel}{ProvinceCode}{SocialInsuranceNumber}";

    /// <summary>Coverage percentage (MUC_HUONG) usually attached to the benefit level.</summary>
    public int CoveragePercent => BenefitLevel switch
    {
        1 or 2 or 5 => 100,
        3 => 95,
        _ => 80,
    };
}
