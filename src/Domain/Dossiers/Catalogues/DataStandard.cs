using System.Globalization;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// One data standard of the dossier tables (QĐ 130 as amended by QĐ 4750, then QĐ 3176, …): its field rules and the episodes it
/// governs. An episode follows the standard in force on the day it ended (XML1 NGAY_RA; NGAY_VAO while no end is known), whatever
/// day the dossier arrives: corrections of old episodes keep their old standard. The gateway endpoints of a standard are the
/// gateway client's configuration, keyed by <see cref="Id"/>.
/// </summary>
public sealed class DataStandard
{
    internal DataStandard(string id, string decision, DateOnly? episodesFrom, FieldRuleCatalogue fields, string? amends)
    {
        Id = id;
        Decision = decision;
        EpisodesFrom = episodesFrom;
        Fields = fields;
        Amends = amends;
    }

    /// <summary>The standard's key, e.g. "4750" or "3176": what responses name and what the gateway's endpoints are keyed by.</summary>
    public string Id { get; }

    /// <summary>The decision, as an operator reads it (e.g. "QĐ 3176/QĐ-BYT (29/10/2024)").</summary>
    public string Decision { get; }

    /// <summary>First day of the episodes it governs (by their end), or null for the earliest standard, which has no lower bound.</summary>
    public DateOnly? EpisodesFrom { get; }

    /// <summary>First day it no longer governs (the next standard's start), or null while it is the latest.</summary>
    public DateOnly? EpisodesUntil { get; internal set; }

    /// <summary>The standard it amends, if its field list is an amendment (the QĐ 3176 annex amends the QĐ 4750 tables).</summary>
    public string? Amends { get; }

    /// <summary>The field rules of every table.</summary>
    public FieldRuleCatalogue Fields { get; }

    /// <summary>"QĐ 3176": how messages name it.</summary>
    public string Name => "QĐ " + Id;

    /// <summary>True when an episode that ended on <paramref name="day"/> follows this standard.</summary>
    public bool Governs(DateOnly day) => (EpisodesFrom is null || day >= EpisodesFrom) && (EpisodesUntil is null || day < EpisodesUntil);

    /// <summary>"from 01/01/2025", "until 31/12/2024" or "from 01/01/2025 until 30/06/2026", for messages.</summary>
    public string Period => (EpisodesFrom, EpisodesUntil) switch
    {
        (null, null) => "for every episode",
        ({ } from, null) => "from " + Format(from),
        (null, { } until) => "until " + Format(until.AddDays(-1)),
        ({ } from, { } until) => $"from {Format(from)} until {Format(until.AddDays(-1))}",
    };

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static string Format(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
