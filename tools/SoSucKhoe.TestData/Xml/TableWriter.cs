using System.Text;
using System.Xml;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData;

/// <summary>
/// Writes one table document (UTF-8 without BOM, declaration, no indentation). Every field of the
/// official skeleton is written in skeleton order; a field without a value is an empty element.
/// Callers write the QĐ 4750 names; with a standard's field rules, a field the standard renamed is written under its new name
/// (XML13 MA_NOI_DI → MA_CSKCB_DI under QĐ 3176) and a field it does not have is left out (XML13 TEN_DICH_VU).
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
    private readonly FieldRuleCatalogue? _rules;

    public TableWriter(TableLayout layout, int capacity = 4096, FieldRuleCatalogue? rules = null)
    {
        _layout = layout;
        _rules = rules;
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

    public void Field(string name, string? value)
    {
        if (NameOf(name) is { } written)
        {
            _writer.WriteElementString(written, value ?? string.Empty);
        }
    }

    public void Field(string name, decimal value) => Field(name, QdFormat.Number(value));

    public void Field(string name, long value) => Field(name, QdFormat.Number(value));

    /// <summary>The name a field is written under in the standard, or null when the standard does not have it.</summary>
    private string? NameOf(string name)
    {
        if (_rules is null || _rules.TryGetRule(_layout.Type, name, out _))
        {
            return name;
        }

        foreach (var rule in _rules.GetTableRules(_layout.Type))
        {
            if (rule.RenamedFrom == name)
            {
                return rule.Field;
            }
        }

        return _rules.GetTableRules(_layout.Type).Count == 0 ? name : null;
    }

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
