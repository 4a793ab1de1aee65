using Microsoft.Extensions.Options;
using SoSucKhoe.Facilities;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>Refuses readiness settings that cannot work, at start.</summary>
public sealed class ReadinessOptionsValidator : IValidateOptions<ReadinessOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReadinessOptions options)
    {
        var errors = new List<string>();
        if (options.ConformanceDossiersRequired < 1)
        {
            errors.Add("Readiness:ConformanceDossiersRequired must be at least 1.");
        }

        if (options.StaffTrainedThreshold is <= 0 or > 1)
        {
            errors.Add("Readiness:StaffTrainedThreshold must be above 0 and at most 1.");
        }

        if (options.ProvinceCode is not { Length: 2 } code || !code.All(char.IsAsciiDigit))
        {
            errors.Add("Readiness:ProvinceCode must be a 2-digit province code.");
        }

        if (options.Phase1Target is <= 0 or > 1 || options.Phase2Target is <= 0 or > 1)
        {
            errors.Add("Readiness:Phase1Target and Phase2Target must be shares above 0 and at most 1.");
        }

        if (options.Phase2Deadline < options.Phase1Deadline)
        {
            errors.Add("Readiness:Phase2Deadline must not be before Phase1Deadline.");
        }

        if (options.SilentAfterWorkingHours <= 0)
        {
            errors.Add("Readiness:SilentAfterWorkingHours must be positive.");
        }

        if (options.WorkdayEnd <= options.WorkdayStart)
        {
            errors.Add("Readiness:WorkdayEnd must be after WorkdayStart.");
        }

        if (options.LocalOffset < TimeSpan.FromHours(-14) || options.LocalOffset > TimeSpan.FromHours(14))
        {
            errors.Add("Readiness:LocalOffset must be between -14:00 and +14:00.");
        }

        if (options.CertificateExpiryWarningDays < 0)
        {
            errors.Add("Readiness:CertificateExpiryWarningDays must not be negative.");
        }

        if (options.RejectionJump is not { MinSamples: >= 1, Factor: >= 1, MinRate: > 0 and <= 1 })
        {
            errors.Add("Readiness:RejectionJump needs MinSamples >= 1, Factor >= 1 and 0 < MinRate <= 1.");
        }

        if (options.SweepInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("Readiness:SweepInterval must be at least one second.");
        }

        if (options.ChangeLogCapacity < 1)
        {
            errors.Add("Readiness:ChangeLogCapacity must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
