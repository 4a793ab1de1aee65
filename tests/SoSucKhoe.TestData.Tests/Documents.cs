namespace SoSucKhoe.TestData.Tests;

/// <summary>Reads generated documents back for assertions.</summary>
internal static class Documents
{
    public static XDocument Parse(byte[] bytes) => XDocument.Parse(Encoding.UTF8.GetString(bytes), LoadOptions.PreserveWhitespace);

    /// <summary>The records of a table: the row elements, or the root for single-record tables.</summary>
    public static IReadOnlyList<XElement> Records(string table, byte[] content)
    {
        var layout = TableLayout.Get(table);
        var doc = Parse(content);
        Assert.Equal(layout.Root, doc.Root!.Name.LocalName);
        if (layout.Row is null)
        {
            return [doc.Root];
        }

        var list = Assert.Single(doc.Root.Elements(layout.List!));
        return list.Elements(layout.Row).ToList();
    }

    /// <summary>FILEHOSO entries decoded from an envelope.</summary>
    public static IReadOnlyList<(string Type, byte[] Content)> EnvelopeTables(byte[] envelope) =>
        Parse(envelope).Root!.Element("THONGTINHOSO")!.Element("DANHSACHHOSO")!.Element("HOSO")!.Elements("FILEHOSO")
            .Select(f => (f.Element("LOAIHOSO")!.Value, Convert.FromBase64String(f.Element("NOIDUNGFILE")!.Value)))
            .ToList();

    public static string? Value(XElement record, string field) => record.Element(field)?.Value;
}
