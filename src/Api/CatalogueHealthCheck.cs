using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SoSucKhoe.Api;

/// <summary>
/// Healthy only while the hub can validate a dossier: the catalogues are loaded and hold the rules the validator needs. The hub
/// refuses to start without them, so this reports what was loaded, for operators reading the health answer.
/// </summary>
public sealed class CatalogueHealthCheck(Catalogues catalogues) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var standards = catalogues.Standards.Standards;
        var usable = standards.All(s => s.Fields.GetTableRules("XML1").Count > 0) && catalogues.Icd is { Count: > 0 };
        var data = new Dictionary<string, object>
        {
            ["standards"] = string.Join(", ", standards.Select(s => $"{s.Name} {s.Period}")),
            ["fieldRules"] = standards.Sum(s => s.Fields.Count),
            ["icd10Codes"] = catalogues.Icd?.Count ?? 0,
            ["administrativeUnitLists"] = catalogues.AdministrativeUnits.Lists.Count,
        };
        return Task.FromResult(usable
            ? HealthCheckResult.Healthy("The catalogues are loaded.", data)
            : HealthCheckResult.Unhealthy("The hub cannot validate dossiers: a catalogue is empty.", data: data));
    }
}
