using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// Official names of provinces, communes and (former) districts for the province view, as they are today: from the
/// administrative-unit lists the operator configured and their later changes by date ("Thành phố Đồng Nai" from 30/04/2026).
/// Without a list, names are simply absent: codes are always shown.
/// </summary>
public sealed class AdministrativeUnitNames(AdministrativeUnitHistory history, TimeProvider time)
{
    /// <summary>True when a list is loaded.</summary>
    public bool Loaded => history.Lists.Count > 0;

    /// <summary>The province's name today, or null.</summary>
    public string? Province(string? code) => string.IsNullOrEmpty(code) ? null : history.ProvinceName(code, Today);

    /// <summary>The district's name (districts ended on 30/06/2025: a former district keeps its last name), or null.</summary>
    public string? District(string? code) => string.IsNullOrEmpty(code) ? null : history.DistrictName(code);

    /// <summary>The commune's name today, or null.</summary>
    public string? Commune(string? code) => string.IsNullOrEmpty(code) ? null : history.CommuneName(code, Today);

    private DateOnly Today => DossierValidator.LocalDay(time.GetUtcNow());
}
