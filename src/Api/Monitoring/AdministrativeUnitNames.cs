using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// Official names of provinces and districts for the province view, from the administrative-unit catalogue the operator
/// configured ("Catalogues:AdministrativeUnits"). Without a catalogue, names are simply absent: codes are always shown.
/// </summary>
public sealed class AdministrativeUnitNames(AdministrativeUnitCatalogue? catalogue)
{
    /// <summary>True when a catalogue is loaded.</summary>
    public bool Loaded => catalogue is not null;

    /// <summary>The province's name, or null.</summary>
    public string? Province(string? code) => string.IsNullOrEmpty(code) ? null : catalogue?.FindProvince(code)?.Name;

    /// <summary>The district's name, or null.</summary>
    public string? District(string? code) => string.IsNullOrEmpty(code) ? null : catalogue?.FindDistrict(code)?.Unit.Name;
}
