using System.Xml;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Internal;

/// <summary>Parses one inner table (or the XML0 check-in) into rows of field→value, following its <see cref="TableSpec"/>.</summary>
internal static class TableParser
{
    public const string SignatureContainer = "CHUKYDONVI";

    public readonly record struct Outcome(RawTable? Table, bool HasSignatureElement, bool HasSignature);

    /// <summary>Never throws: every problem becomes a violation, and the table is null when it could not be read.</summary>
    public static Outcome Parse(ReadOnlyMemory<byte> content, TableSpec spec, DossierReaderOptions options, ViolationCollector violations, string documentField)
    {
        if (!DocumentPrecheck.Check(content.Span, options, out var rule, out var message))
        {
            violations.Add(spec.Code, documentField, rule, $"{spec.Code}: {message}");
            return default;
        }

        try
        {
            using var reader = GuardedXmlReader.Create(content, options);
            return ParseCore(reader, spec, options.MaxRowsPerTable, violations);
        }
        catch (XmlLimitException ex)
        {
            violations.Add(spec.Code, documentField, ViolationRules.XmlLimits, $"{spec.Code}: {ex.Message}");
        }
        catch (XmlException ex)
        {
            AddXmlException(violations, spec.Code, documentField, content.Span, ex, spec.Code + ": ");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            violations.Add(spec.Code, documentField, ViolationRules.XmlMalformed, $"{spec.Code}: the table could not be read ({ex.GetType().Name}).");
        }

        return default;
    }

    internal static void AddXmlException(ViolationCollector violations, string table, string field, ReadOnlySpan<byte> content, XmlException ex, string prefix)
    {
        if (DocumentPrecheck.ContainsDoctype(content))
        {
            violations.Add(table, field, ViolationRules.XmlDtd, $"{prefix}DOCTYPE declarations (DTDs, entities) are refused.");
        }
        else if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            violations.Add(table, field, ViolationRules.XmlLimits, $"{prefix}the document has too many characters.");
        }
        else
        {
            violations.Add(table, field, ViolationRules.XmlMalformed,
                $"{prefix}the XML is not well-formed (line {ex.LineNumber}, position {ex.LinePosition}).");
        }
    }

    private static Outcome ParseCore(GuardedXmlReader reader, TableSpec spec, int maxRows, ViolationCollector violations)
    {
        if (!reader.MoveToRoot())
        {
            violations.Add(spec.Code, spec.Root, ViolationRules.XmlMalformed, $"{spec.Code}: the document has no root element.");
            return default;
        }

        if (reader.LocalName != spec.Root)
        {
            violations.Add(spec.Code, spec.Root, ViolationRules.TableRoot,
                $"{spec.Code}: the root element must be {spec.Root}, found {reader.LocalName}.");
            return default;
        }

        var hasSignatureElement = false;
        var hasSignature = false;
        var rows = new List<TableRow>();

        if (!spec.IsList)
        {
            var fields = ReadRecord(reader, spec, violations, null, 1, ref hasSignatureElement, ref hasSignature);
            rows.Add(new TableRow(spec.Code, null, 1, fields));
        }
        else if (!reader.IsEmptyElement)
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
                {
                    break;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var name = reader.LocalName;
                if (name == SignatureContainer)
                {
                    hasSignatureElement = true;
                    hasSignature |= reader.ReadSignatureContainer();
                }
                else if (name == spec.List)
                {
                    ReadList(reader, spec, maxRows, violations, rows, ref hasSignatureElement, ref hasSignature);
                }
                else
                {
                    violations.Add(spec.Code, name, ViolationRules.TableStructure,
                        $"{spec.Code}: unexpected element {name} under {spec.Root} (expected {spec.List}).");
                    reader.SkipSubtree();
                }
            }
        }

        // Drain the rest of the document so that trailing garbage is still detected as malformed.
        while (reader.Read())
        {
        }

        return new Outcome(new RawTable(spec.Code, spec.Root, spec.Row, rows), hasSignatureElement, hasSignature);
    }

    private static void ReadList(GuardedXmlReader reader, TableSpec spec, int maxRows, ViolationCollector violations, List<TableRow> rows, ref bool hasSignatureElement, ref bool hasSignature)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var listDepth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == listDepth)
            {
                return;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == spec.Row)
            {
                if (rows.Count >= maxRows)
                {
                    // A row costs far more memory than its bytes: a list of empty rows must not become a memory bomb.
                    throw new XmlLimitException($"{spec.Code}: more than {maxRows} rows in {spec.List}.");
                }

                var index = rows.Count + 1;
                var fields = ReadRecord(reader, spec, violations, index, listDepth + 2, ref hasSignatureElement, ref hasSignature);
                rows.Add(new TableRow(spec.Code, spec.Row, index, fields));
            }
            else
            {
                violations.Add(spec.Code, $"{spec.List}.{reader.LocalName}", ViolationRules.TableStructure,
                    $"{spec.Code}: unexpected element {reader.LocalName} in {spec.List} (expected {spec.Row}).");
                reader.SkipSubtree();
            }
        }
    }

    /// <summary>Reads the leaf children of the current element as fields; the reader ends on the element's end.</summary>
    private static Dictionary<string, string> ReadRecord(GuardedXmlReader reader, TableSpec spec, ViolationCollector violations, int? rowIndex, int fieldDepth, ref bool hasSignatureElement, ref bool hasSignature)
    {
        var fields = new Dictionary<string, string>(rowIndex is null ? 72 : 48, StringComparer.Ordinal);
        if (reader.IsEmptyElement)
        {
            return fields;
        }

        var recordDepth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == recordDepth)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.Depth != fieldDepth)
            {
                continue;
            }

            var name = reader.LocalName;
            if (name == SignatureContainer && rowIndex is null)
            {
                hasSignatureElement = true;
                hasSignature |= reader.ReadSignatureContainer();
                continue;
            }

            var value = reader.ReadText(out var nested);
            if (nested)
            {
                var path = PathOf(spec, rowIndex, name);
                violations.Add(spec.Code, path, ViolationRules.TableStructure, $"{spec.Code}: field {path} contains child elements; a field holds text only.");
                continue;
            }

            if (!fields.TryAdd(name, value))
            {
                var path = PathOf(spec, rowIndex, name);
                violations.Add(spec.Code, path, ViolationRules.DuplicateField, $"{spec.Code}: field {path} appears more than once; the first value is kept.");
            }
        }

        return fields;
    }

    /// <summary>The field's path in violations, built only when one is reported: "MA_LK" or "CHI_TIET_THUOC[3].MA_LK".</summary>
    private static string PathOf(TableSpec spec, int? rowIndex, string name) =>
        rowIndex is { } index ? $"{spec.Row}[{index}].{name}" : name;
}
