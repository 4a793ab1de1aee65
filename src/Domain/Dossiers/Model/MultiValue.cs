namespace SoSucKhoe.Dossiers.Model;

/// <summary>Helpers for multi-valued fields, whose values are separated by ';' (e.g. MA_BENH_KT, MA_THE_BHYT, GT_THE_TU).</summary>
public static class MultiValue
{
    /// <summary>The separator of the standard.</summary>
    public const char Separator = ';';

    /// <summary>Splits a field into its trimmed, non-empty values. An absent or blank field yields no value.</summary>
    public static IReadOnlyList<string> Split(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return [];
        }

        if (field.IndexOf(Separator) < 0)
        {
            return [field.Trim()];
        }

        return field.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Counts the non-empty values without allocating.</summary>
    public static int Count(ReadOnlySpan<char> field)
    {
        var count = 0;
        foreach (var range in field.Split(Separator))
        {
            if (!field[range].IsWhiteSpace())
            {
                count++;
            }
        }

        return count;
    }
}
