using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SoSucKhoe.TestData;

/// <summary>
/// A generated GIAMDINHHS dossier: the envelope unsigned and signed, its inner tables in envelope order,
/// and the facts it was built from. Mutations return new instances (see <see cref="Mutate"/>).
/// </summary>
public sealed record GeneratedDossier
{
    private readonly IReadOnlyList<DossierTable> _tables = [];

    public required string MaLk { get; init; }
    public required string FacilityCode { get; init; }
    public required SyntheticCitizen Citizen { get; init; }
    public required string VisitType { get; init; }
    public required EnvelopeHeader Header { get; init; }

    /// <summary>Envelope with an empty CHUKYDONVI.</summary>
    public required byte[] Unsigned { get; init; }

    /// <summary>Envelope with the signature inside CHUKYDONVI; empty when not signed.</summary>
    public required byte[] Signed { get; init; }

    /// <summary>FILEHOSO entries in envelope order (a mutated dossier may hold duplicates).</summary>
    public required IReadOnlyList<DossierTable> Tables
    {
        get => _tables;
        init
        {
            _tables = value;
            InnerTables = BuildIndex(value);
        }
    }

    public required EpisodeSummary Summary { get; init; }

    public X509Certificate2? SigningCertificate { get; init; }

    /// <summary>The data standard the tables are written to ("4750", "3176").</summary>
    public string Standard { get; init; } = "4750";

    public bool IsSigned => Signed.Length > 0;

    /// <summary>The body to send: signed when signed, else unsigned.</summary>
    public byte[] Payload => IsSigned ? Signed : Unsigned;

    /// <summary>Inner table bytes by LOAIHOSO (first occurrence wins).</summary>
    public IReadOnlyDictionary<string, byte[]> InnerTables { get; private init; } = new Dictionary<string, byte[]>();

    /// <summary>Table types in envelope order.</summary>
    public IReadOnlyList<string> TableTypes => Tables.Select(t => t.Type).ToList();

    public string InnerTableText(string type) => Encoding.UTF8.GetString(InnerTables[type]);

    /// <summary>Starts a mutation for a negative test.</summary>
    public DossierMutation Mutate() => new(this);

    /// <summary>Sets a field in every row of a table (adds it when missing), re-signing by default.</summary>
    public GeneratedDossier WithField(string table, string field, string value, bool resign = true) =>
        Mutate().WithField(table, field, value).Build(resign);

    /// <summary>Removes a field from every row of a table, re-signing by default.</summary>
    public GeneratedDossier WithoutField(string table, string field, bool resign = true) =>
        Mutate().WithoutField(table, field).Build(resign);

    /// <summary>Removes every FILEHOSO of a type, re-signing by default.</summary>
    public GeneratedDossier WithoutTable(string table, bool resign = true) =>
        Mutate().WithoutTable(table).Build(resign);

    /// <summary>Appends a FILEHOSO (content null: a copy of the existing table, or a minimal table of that type).</summary>
    public GeneratedDossier WithExtraTable(string table, byte[]? content = null, bool resign = true) =>
        Mutate().WithExtraTable(table, content).Build(resign);

    private static Dictionary<string, byte[]> BuildIndex(IReadOnlyList<DossierTable> tables)
    {
        var index = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            index.TryAdd(table.Type, table.Content);
        }

        return index;
    }
}
