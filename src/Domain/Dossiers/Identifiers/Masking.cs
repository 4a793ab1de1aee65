namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>Renders identifiers for logs: a few leading and trailing characters stay, the rest becomes '*'.</summary>
public static class Masking
{
    /// <summary>Keeps <paramref name="head"/> leading and <paramref name="tail"/> trailing characters; masks everything when too short.</summary>
    public static string Mask(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= head + tail + 2)
        {
            return new string('*', value.Length);
        }

        return string.Create(value.Length, (value, head, tail), static (span, state) =>
        {
            var (v, h, t) = state;
            v.AsSpan(0, h).CopyTo(span);
            span[h..^t].Fill('*');
            v.AsSpan(v.Length - t).CopyTo(span[^t..]);
        });
    }
}
