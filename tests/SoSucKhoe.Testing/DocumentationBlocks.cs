namespace SoSucKhoe.Testing;

/// <summary>
/// Reads the parts of the documentation that tests run or compare: a fenced code block between two HTML comment markers
/// (<c>&lt;!-- name: begin --&gt;</c> … <c>&lt;!-- name: end --&gt;</c>), so that what a reader copies is what was tested.
/// </summary>
public static class DocumentationBlocks
{
    /// <summary>The contents of the single fenced block marked <paramref name="name"/> in the file (repository-relative path).</summary>
    public static string Read(string relativePath, string name) =>
        Extract(File.ReadAllText(Path.Combine(Repository.Root, relativePath)), name, relativePath);

    /// <summary>The contents of the single fenced block marked <paramref name="name"/> in <paramref name="markdown"/>.</summary>
    public static string Extract(string markdown, string name, string source = "the document")
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.ReplaceLineEndings("\n");
        var begin = $"<!-- {name}: begin -->\n";
        var end = $"<!-- {name}: end -->";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        if (start < 0 || text.IndexOf(begin, start + begin.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"{source} must hold exactly one '{begin.TrimEnd()}' marker.");
        }

        start += begin.Length;
        var stop = text.IndexOf(end, start, StringComparison.Ordinal);
        if (stop < 0)
        {
            throw new InvalidOperationException($"{source} has no '{end}' marker after '{begin.TrimEnd()}'.");
        }

        var block = text[start..stop];
        var firstLine = block.IndexOf('\n', StringComparison.Ordinal);
        if (!block.StartsWith("```", StringComparison.Ordinal) || firstLine < 0 || !block.EndsWith("```\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The '{name}' block of {source} must be one fenced code block and nothing else.");
        }

        return block[(firstLine + 1)..^"```\n".Length];
    }
}
