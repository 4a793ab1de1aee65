using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SoSucKhoe.TestData;

/// <summary>
/// Builds a variant of a dossier with exactly the violations a negative test asks for. Changes apply in
/// call order to the inner tables and the envelope header; <see cref="Build"/> re-composes the envelope and
/// either re-signs it (the variant is validly signed) or keeps the original signature (which then no longer
/// verifies when anything changed).
/// </summary>
public sealed class DossierMutation
{
    private readonly GeneratedDossier _source;
    private readonly List<DossierTable> _tables;
    private EnvelopeHeader _header;
    private X509Certificate2? _certificate;

    internal DossierMutation(GeneratedDossier source)
    {
        _source = source;
        _tables = [.. source.Tables];
        _header = source.Header;
        _certificate = source.SigningCertificate;
    }

    /// <summary>Sets <paramref name="field"/> to <paramref name="value"/> in every row (or only row <paramref name="row"/>, 0-based) of every table of that type; adds the element at the end of the row when missing.</summary>
    public DossierMutation WithField(string table, string field, string value, int? row = null) =>
        EditRows(table, row, record =>
        {
            var element = record.Element(field);
            if (element is null)
            {
                record.Add(new XElement(field, value));
            }
            else
            {
                element.Value = value;
            }
        });

    /// <summary>Removes <paramref name="field"/> from every row (or only row <paramref name="row"/>) of the table.</summary>
    public DossierMutation WithoutField(string table, string field, int? row = null) =>
        EditRows(table, row, record => record.Element(field)?.Remove());

    /// <summary>Removes every FILEHOSO of that type.</summary>
    public DossierMutation WithoutTable(string table)
    {
        if (_tables.RemoveAll(t => t.Type == table) == 0)
        {
            throw new InvalidOperationException($"The dossier has no {table}.");
        }

        return this;
    }

    /// <summary>
    /// Appends a FILEHOSO. Content null: a copy of the dossier's table of that type if present, else a minimal
    /// table of that type holding only MA_LK (e.g. XML6 or XML12, which must never be accepted).
    /// </summary>
    public DossierMutation WithExtraTable(string table, byte[]? content = null)
    {
        content ??= _tables.FirstOrDefault(t => t.Type == table)?.Content ?? MinimalTable(table, _source.MaLk);
        _tables.Add(new DossierTable(table, content));
        return this;
    }

    /// <summary>Replaces the raw bytes of the (first) table of that type, e.g. with malformed XML.</summary>
    public DossierMutation WithTableContent(string table, byte[] content)
    {
        var index = _tables.FindIndex(t => t.Type == table);
        if (index < 0)
        {
            throw new InvalidOperationException($"The dossier has no {table}.");
        }

        _tables[index] = new DossierTable(table, content);
        return this;
    }

    /// <summary>Changes the envelope header (null removes the element): MACSKCB, NGAYLAP or SOLUONGHOSO.</summary>
    public DossierMutation WithEnvelope(string? maCskcb = null, string? ngayLap = null, string? soLuongHoSo = null, bool removeUnset = false)
    {
        _header = removeUnset
            ? new EnvelopeHeader(maCskcb, ngayLap, soLuongHoSo)
            : new EnvelopeHeader(maCskcb ?? _header.MaCskcb, ngayLap ?? _header.NgayLap, soLuongHoSo ?? _header.SoLuongHoSo);
        return this;
    }

    /// <summary>Signs the variant with another certificate (e.g. expired, or another facility's).</summary>
    public DossierMutation SignedWith(X509Certificate2 certificate)
    {
        _certificate = certificate;
        return this;
    }

    /// <summary>
    /// Composes the variant. <paramref name="resign"/> true: signed afresh (with <see cref="SignedWith"/>'s certificate or the original one);
    /// false: the original signature element is copied unchanged into CHUKYDONVI (none if the source was unsigned).
    /// </summary>
    public GeneratedDossier Build(bool resign = true)
    {
        var tables = _tables.ToArray();
        var unsigned = DossierEnvelope.Compose(_header, tables);
        byte[] signed;
        if (resign && _certificate is not null)
        {
            signed = DossierSigner.Sign(unsigned, _certificate);
        }
        else if (!resign && _source.IsSigned)
        {
            signed = DossierEnvelope.Compose(_header, tables, DossierSigner.ExtractSignature(_source.Signed));
        }
        else
        {
            signed = [];
        }

        return _source with
        {
            Header = _header,
            Tables = tables,
            Unsigned = unsigned,
            Signed = signed,
            SigningCertificate = _certificate,
        };
    }

    private DossierMutation EditRows(string table, int? row, Action<XElement> edit)
    {
        var layout = TableLayout.Get(table);
        var found = false;
        for (var i = 0; i < _tables.Count; i++)
        {
            if (_tables[i].Type != table)
            {
                continue;
            }

            found = true;
            var doc = XDocument.Parse(Encoding.UTF8.GetString(_tables[i].Content), LoadOptions.PreserveWhitespace);
            List<XElement> records = layout.Row is null
                ? [doc.Root!]
                : doc.Root!.Descendants(layout.Row).ToList();
            if (row is { } r)
            {
                if (r < 0 || r >= records.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(row), $"{table} has {records.Count} rows.");
                }

                records = [records[r]];
            }

            foreach (var record in records)
            {
                edit(record);
            }

            _tables[i] = new DossierTable(table, Serialize(doc));
        }

        if (!found)
        {
            throw new InvalidOperationException($"The dossier has no {table}.");
        }

        return this;
    }

    private static byte[] Serialize(XDocument doc)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, TableWriter.Settings))
        {
            doc.Save(writer);
        }

        return stream.ToArray();
    }

    private static byte[] MinimalTable(string table, string maLk)
    {
        var layout = TableLayout.Get(table);
        using var w = new TableWriter(layout, 512);
        if (layout.IsMultiRow)
        {
            w.BeginRow();
            w.Field("MA_LK", maLk);
            w.EndRow();
        }
        else
        {
            w.Field("MA_LK", maLk);
        }

        return w.Finish();
    }
}
