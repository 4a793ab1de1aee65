namespace SoSucKhoe.Dossiers.Model;

/// <summary>A read XML0 check-in document (CHI_TIEU_TRANG_THAI_KCB).</summary>
public sealed class CheckInDocument
{
    internal CheckInDocument(ReadOnlyMemory<byte> document, RawTable table, bool hasSignatureElement, bool hasSignature, IReadOnlyList<Violation> readViolations)
    {
        Document = document;
        Table = table;
        HasSignatureElement = hasSignatureElement;
        HasSignature = hasSignature;
        ReadViolations = readViolations;
        var rows = new CheckInRow[table.Rows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new CheckInRow(table.Rows[i]);
        }

        Rows = rows;
    }

    /// <summary>The exact document bytes as received.</summary>
    public ReadOnlyMemory<byte> Document { get; }

    /// <summary>The generic view of the rows.</summary>
    public RawTable Table { get; }

    public IReadOnlyList<CheckInRow> Rows { get; }

    public bool HasSignatureElement { get; }

    public bool HasSignature { get; }

    /// <summary>Problems found while reading; <see cref="Validation.DossierValidator"/> includes them in its result.</summary>
    public IReadOnlyList<Violation> ReadViolations { get; }
}
