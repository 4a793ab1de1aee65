namespace SoSucKhoe.Dossiers.Reading;

/// <summary>
/// Limits applied to the envelope and, separately, to every decoded inner table. DTDs are always refused and no
/// external resource is ever resolved, whatever the options say.
/// </summary>
public sealed class DossierReaderOptions
{
    /// <summary>The defaults: 32 MiB, depth 32, 500 000 elements, 32 Mi characters, UTF-8 only.</summary>
    public static DossierReaderOptions Default { get; } = new();

    /// <summary>Largest accepted document (envelope or decoded table), in bytes.</summary>
    public int MaxDocumentBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Deepest accepted element nesting (the root element is level 1).</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Most elements accepted in one document.</summary>
    public int MaxElements { get; set; } = 500_000;

    /// <summary>Most rows one list table (XML2, XML3, XML0 …) may hold; a long inpatient stay has a few thousand.</summary>
    public int MaxRowsPerTable { get; set; } = 20_000;

    /// <summary>Most characters accepted in one document (after decoding).</summary>
    public long MaxCharactersInDocument { get; set; } = 32L * 1024 * 1024;

    /// <summary>When true (the standard's rule), a document must be UTF-8: a BOM or declaration naming another encoding, or invalid UTF-8 bytes, is refused.</summary>
    public bool RequireUtf8 { get; set; } = true;

    /// <summary>Most violations reported by the reader for one document.</summary>
    public int MaxViolations { get; set; } = 1000;
}
