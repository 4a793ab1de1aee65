using System.Text;
using System.Xml;

namespace SoSucKhoe.TestData;

/// <summary>
/// Writes one table document (UTF-8 without BOM, declaration, no indentation). Every field of the
/// official skeleton is written in skeleton order; a field without a value is an empty element.
/// </summary>
internal sealed class TableWriter : IDisposable
{
    internal static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        OmitXmlDeclaration = false,
        CloseOutput = false,
    };

    private readonly MemoryStream _stream;
    private readonly XmlWriter _writer;
    private readonly TableLayout _layout;

    public TableWriter(TableLayout layout, int capacity = 4096)
    {
        _layout = layout;
        _stream = new MemoryStream(capacity);
        _writer = XmlWriter.Create(_stream, Settings);
        _writer.WriteStartDocument();
        _writer.WriteStartElement(layout.Root);
        if (layout.List is not null)
        {
            _writer.WriteStartElement(layout.List);
        }
    }

    public void BeginRow() => _writer.WriteStartElement(_layout.Row ?? throw new InvalidOperationException("Single-record table."));

    public void EndRow() => _writer.WriteEndElement();

    public void Field(string name, string? value) => _writer.WriteElementString(name, value ?? string.Empty);

    public void Field(string name, decimal value) => _writer.WriteElementString(name, QdFormat.Number(value));

    public void Field(string name, long value) => _writer.WriteElementString(name, QdFormat.Number(value));

    /// <summary>Closes the list (if any), writes trailing root children (e.g. CHUKYDONVI) and returns the bytes.</summary>
    public byte[] Finish(Action<XmlWriter>? trailer = null)
    {
        if (_layout.List is not null)
        {
            _writer.WriteEndElement();
        }

        trailer?.Invoke(_writer);
        _writer.WriteEndElement();
        _writer.WriteEndDocument();
        _writer.Flush();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
