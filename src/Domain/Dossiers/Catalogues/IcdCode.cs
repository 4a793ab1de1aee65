namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>Normalises ICD-10 codes: upper case, without the dot and without the dagger/asterisk/plus markers.</summary>
public static class IcdCode
{
    /// <summary>"a00.0", "A00.0", "A000", "A17.0†" → "A000"/"A170"; null or blank → "".</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return string.Empty;
        }

        var span = code.AsSpan().Trim();
        Span<char> buffer = span.Length <= 32 ? stackalloc char[span.Length] : new char[span.Length];
        var n = 0;
        foreach (var c in span)
        {
            if (c is '.' or '*' or '†' or '+' or ' ')
            {
                continue;
            }

            buffer[n++] = char.ToUpperInvariant(c);
        }

        var result = buffer[..n];
        return result.SequenceEqual(span) ? (span.Length == code.Length ? code : span.ToString()) : result.ToString();
    }
}
