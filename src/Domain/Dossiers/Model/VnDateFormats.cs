namespace SoSucKhoe.Dossiers.Model;

/// <summary>Accepted lengths of a date field.</summary>
[Flags]
public enum VnDateFormats
{
    None = 0,

    /// <summary>yyyyMMdd (8 digits).</summary>
    Date8 = 1,

    /// <summary>yyyyMMddHHmm (12 digits).</summary>
    DateTime12 = 2,

    /// <summary>Either form.</summary>
    Any = Date8 | DateTime12,
}
