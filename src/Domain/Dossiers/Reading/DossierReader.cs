using System.Globalization;
using System.Xml;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Reading;

/// <summary>
/// Reads GIAMDINHHS envelopes and XML0 check-in documents safely: no DTD, no resolver, size/depth/element/character limits on
/// the envelope and on every decoded table, UTF-8 only. Every problem becomes a <see cref="Violation"/>; nothing throws.
/// </summary>
public static class DossierReader
{
    private const string EnvelopeRoot = "GIAMDINHHS";

    /// <summary>Reads an envelope. The dossier keeps a reference to <paramref name="document"/>: do not mutate it afterwards.</summary>
    public static DossierReadResult ReadDossier(ReadOnlyMemory<byte> document, DossierReaderOptions? options = null)
    {
        options ??= DossierReaderOptions.Default;
        var violations = new ViolationCollector(options.MaxViolations);

        if (!DocumentPrecheck.Check(document.Span, options, out var rule, out var message))
        {
            violations.Add(TableCodes.Envelope, EnvelopeRoot, rule, "Envelope: " + message);
            return new DossierReadResult(null, violations.ToList());
        }

        // The base64 contents are collected as chars in one pooled buffer (no string per NOIDUNGFILE) and decoded from there.
        using var contents = new PooledCharBuffer(document.Length);
        EnvelopeContent envelope;
        try
        {
            using var reader = GuardedXmlReader.Create(document, options);
            envelope = ReadEnvelope(reader, violations, contents);
        }
        catch (XmlLimitException ex)
        {
            violations.Add(TableCodes.Envelope, EnvelopeRoot, ViolationRules.XmlLimits, "Envelope: " + ex.Message);
            return new DossierReadResult(null, violations.ToList());
        }
        catch (XmlException ex)
        {
            TableParser.AddXmlException(violations, TableCodes.Envelope, EnvelopeRoot, document.Span, ex, "Envelope: ");
            return new DossierReadResult(null, violations.ToList());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            violations.Add(TableCodes.Envelope, EnvelopeRoot, ViolationRules.XmlMalformed, $"Envelope: the document could not be read ({ex.GetType().Name}).");
            return new DossierReadResult(null, violations.ToList());
        }

        if (!envelope.RootFound)
        {
            return new DossierReadResult(null, violations.ToList());
        }

        var decoded = new Base64Destination(envelope.Files);
        var files = new List<DossierFile>(envelope.Files.Count);
        var tables = new List<RawTable>(envelope.Files.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < envelope.Files.Count; i++)
        {
            var (loaiRaw, content) = envelope.Files[i];
            var fileField = $"FILEHOSO[{i + 1}]";
            var loai = loaiRaw?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(loai))
            {
                violations.Add(TableCodes.Envelope, fileField + ".LOAIHOSO", ViolationRules.Required, $"Envelope: {fileField} has no LOAIHOSO.");
                continue;
            }

            if (loai == TableCodes.Xml12)
            {
                violations.Add(TableCodes.Xml12, "LOAIHOSO", ViolationRules.TableForbidden, "XML12 (disability assessment) is never sent by a facility's HIS.");
                continue;
            }

            if (loai == TableCodes.Xml0)
            {
                violations.Add(TableCodes.Xml0, "LOAIHOSO", ViolationRules.TableForbidden, "XML0 (check-in) is sent to the check-in service, not inside a dossier.");
                continue;
            }

            if (!TableSpecs.TryGet(loai, out var spec))
            {
                violations.Add(TableCodes.Envelope, fileField + ".LOAIHOSO", ViolationRules.UnknownTable,
                    $"Envelope: {fileField} has LOAIHOSO {Describe(loai)}, which is not a table of the standard.");
                continue;
            }

            if (!seen.Add(loai))
            {
                violations.Add(loai, "LOAIHOSO", ViolationRules.DuplicateTable, $"{loai} appears more than once in the envelope; only the first is read.");
                continue;
            }

            // The segment is trimmed already: empty means absent, empty or blank.
            if (content is not { Length: > 0 } segment)
            {
                violations.Add(loai, "NOIDUNGFILE", ViolationRules.Required, $"{loai}: NOIDUNGFILE is empty.");
                continue;
            }

            if (!decoded.TryDecode(contents[segment], out var bytes))
            {
                violations.Add(loai, "NOIDUNGFILE", ViolationRules.Base64, $"{loai}: NOIDUNGFILE is not valid base64.");
                continue;
            }

            files.Add(new DossierFile(loai, bytes));
            var outcome = TableParser.Parse(bytes, spec, options, violations, "NOIDUNGFILE");
            if (outcome.Table is not null)
            {
                tables.Add(outcome.Table);
            }
        }

        if (!seen.Contains(TableCodes.Xml1))
        {
            violations.Add(TableCodes.Xml1, "LOAIHOSO", ViolationRules.TablePresence, "XML1 (visit summary) is required in every dossier.");
        }

        if (envelope.HoSoCount == 0)
        {
            violations.Add(TableCodes.Envelope, "DANHSACHHOSO", ViolationRules.EnvelopeStructure, "Envelope: DANHSACHHOSO holds no HOSO.");
        }
        else if (envelope.SoLuongHoSo is { Length: > 0 } count && count.All(char.IsAsciiDigit)
            && !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            // Digits too many for any count: not the number of HOSO (other shapes are the validator's number_format).
            violations.Add(TableCodes.Envelope, "SOLUONGHOSO", ViolationRules.CountMismatch,
                $"Envelope: SOLUONGHOSO is far larger than the {envelope.HoSoCount} HOSO in DANHSACHHOSO.");
        }
        else if (int.TryParse(envelope.SoLuongHoSo, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) && declared != envelope.HoSoCount)
        {
            violations.Add(TableCodes.Envelope, "SOLUONGHOSO", ViolationRules.CountMismatch,
                $"Envelope: SOLUONGHOSO is {declared} but DANHSACHHOSO holds {envelope.HoSoCount} HOSO.");
        }

        var readViolations = violations.ToList();
        var dossier = new Dossier(
            document,
            envelope.FacilityCode ?? string.Empty,
            envelope.NgayLap,
            envelope.SoLuongHoSo,
            envelope.HoSoCount,
            files,
            tables,
            envelope.HasSignatureElement,
            envelope.HasSignature,
            readViolations);
        return new DossierReadResult(dossier, readViolations);
    }

    /// <summary>Reads an envelope from a span (copied, since the dossier keeps the bytes).</summary>
    public static DossierReadResult ReadDossier(ReadOnlySpan<byte> document, DossierReaderOptions? options = null) =>
        ReadDossier(new ReadOnlyMemory<byte>(document.ToArray()), options);

    /// <summary>Reads an envelope from an array (kept by reference: do not mutate it afterwards).</summary>
    public static DossierReadResult ReadDossier(byte[] document, DossierReaderOptions? options = null) =>
        ReadDossier(new ReadOnlyMemory<byte>(document), options);

    /// <summary>Reads an XML0 check-in document (the decoded fileHSBase64 of the check-in service).</summary>
    public static CheckInReadResult ReadCheckIn(ReadOnlyMemory<byte> document, DossierReaderOptions? options = null)
    {
        options ??= DossierReaderOptions.Default;
        var violations = new ViolationCollector(options.MaxViolations);
        var outcome = TableParser.Parse(document, TableSpecs.CheckIn, options, violations, TableSpecs.CheckIn.Root);
        var list = violations.ToList();
        if (outcome.Table is null)
        {
            return new CheckInReadResult(null, list);
        }

        if (outcome.Table.Rows.Count == 0)
        {
            var all = new List<Violation>(list)
            {
                new(TableCodes.Xml0, TableSpecs.CheckIn.List!, ViolationRules.Required, "XML0: the check-in document holds no TRANG_THAI_KCB row."),
            };
            list = all;
        }

        return new CheckInReadResult(new CheckInDocument(document, outcome.Table, outcome.HasSignatureElement, outcome.HasSignature, list), list);
    }

    public static CheckInReadResult ReadCheckIn(ReadOnlySpan<byte> document, DossierReaderOptions? options = null) =>
        ReadCheckIn(new ReadOnlyMemory<byte>(document.ToArray()), options);

    public static CheckInReadResult ReadCheckIn(byte[] document, DossierReaderOptions? options = null) =>
        ReadCheckIn(new ReadOnlyMemory<byte>(document), options);

    private static string Describe(string code)
    {
        if (code.Length <= 20)
        {
            foreach (var c in code)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return "(unreadable)";
                }
            }

            return "'" + code + "'";
        }

        return "(too long)";
    }

    private static EnvelopeContent ReadEnvelope(GuardedXmlReader reader, ViolationCollector violations, PooledCharBuffer contents)
    {
        var result = new EnvelopeContent();
        if (!reader.MoveToRoot())
        {
            violations.Add(TableCodes.Envelope, EnvelopeRoot, ViolationRules.XmlMalformed, "Envelope: the document has no root element.");
            return result;
        }

        if (reader.LocalName != EnvelopeRoot || reader.Reader.NamespaceURI.Length > 0)
        {
            violations.Add(TableCodes.Envelope, EnvelopeRoot, ViolationRules.EnvelopeStructure,
                $"Envelope: the root element must be {EnvelopeRoot}, found {reader.LocalName}.");
            return result;
        }

        result.RootFound = true;
        if (reader.IsEmptyElement)
        {
            return result;
        }

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

            if (reader.LocalName is "THONGTINDONVI" or "THONGTINHOSO" && !result.Sections.Add(reader.LocalName))
            {
                // A second copy could make the hub and the gateway read different values (which facility sent it).
                violations.Add(TableCodes.Envelope, reader.LocalName, ViolationRules.EnvelopeStructure,
                    $"Envelope: {reader.LocalName} appears more than once.");
                reader.SkipSubtree();
                continue;
            }

            switch (reader.LocalName)
            {
                case "THONGTINDONVI":
                    ForEachChild(reader, violations, "THONGTINDONVI", name =>
                    {
                        if (name == "MACSKCB")
                        {
                            if (result.FacilityCode is not null)
                            {
                                violations.Add(TableCodes.Envelope, "MACSKCB", ViolationRules.EnvelopeStructure,
                                    "Envelope: MACSKCB appears more than once.");
                            }

                            result.FacilityCode = Text(reader, violations, "THONGTINDONVI.MACSKCB");
                            return true;
                        }

                        return false;
                    });
                    break;
                case "THONGTINHOSO":
                    ForEachChild(reader, violations, "THONGTINHOSO", name =>
                    {
                        switch (name)
                        {
                            case "NGAYLAP":
                                result.NgayLap = Text(reader, violations, "NGAYLAP");
                                return true;
                            case "SOLUONGHOSO":
                                result.SoLuongHoSo = Text(reader, violations, "SOLUONGHOSO");
                                return true;
                            case "DANHSACHHOSO":
                                ForEachChild(reader, violations, "DANHSACHHOSO", hoso =>
                                {
                                    if (hoso != "HOSO")
                                    {
                                        return false;
                                    }

                                    result.HoSoCount++;
                                    ForEachChild(reader, violations, "HOSO", file =>
                                    {
                                        if (file != "FILEHOSO")
                                        {
                                            return false;
                                        }

                                        string? loai = null;
                                        TextSegment? content = null;
                                        ForEachChild(reader, violations, "FILEHOSO", part =>
                                        {
                                            switch (part)
                                            {
                                                case "LOAIHOSO":
                                                    loai = Text(reader, violations, "FILEHOSO.LOAIHOSO");
                                                    return true;
                                                case "NOIDUNGFILE":
                                                    content = Text(reader, violations, "FILEHOSO.NOIDUNGFILE", contents);
                                                    return true;
                                                default:
                                                    return false;
                                            }
                                        });
                                        result.Files.Add((loai, content));
                                        return true;
                                    });
                                    return true;
                                });
                                return true;
                            default:
                                return false;
                        }
                    });
                    break;
                case TableParser.SignatureContainer:
                    result.HasSignatureElement = true;
                    result.HasSignature |= reader.ReadSignatureContainer();
                    break;
                default:
                    violations.Add(TableCodes.Envelope, reader.LocalName, ViolationRules.EnvelopeStructure,
                        $"Envelope: unexpected element {reader.LocalName} under {EnvelopeRoot}.");
                    reader.SkipSubtree();
                    break;
            }
        }

        while (reader.Read())
        {
        }

        return result;
    }

    /// <summary>
    /// Visits the child elements of the current element. The handler returns true when it consumed the child;
    /// unknown children are reported and skipped.
    /// </summary>
    private static void ForEachChild(GuardedXmlReader reader, ViolationCollector violations, string parent, Func<string, bool> handle)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                continue;
            }

            var name = reader.LocalName;
            if (!handle(name))
            {
                violations.Add(TableCodes.Envelope, $"{parent}.{name}", ViolationRules.EnvelopeStructure,
                    $"Envelope: unexpected element {name} in {parent}.");
                reader.SkipSubtree();
            }
        }
    }

    private static string Text(GuardedXmlReader reader, ViolationCollector violations, string field)
    {
        var text = reader.ReadText(out var nested);
        if (nested)
        {
            violations.Add(TableCodes.Envelope, field, ViolationRules.EnvelopeStructure, $"Envelope: {field} must hold text only.");
        }

        return text;
    }

    private static TextSegment Text(GuardedXmlReader reader, ViolationCollector violations, string field, PooledCharBuffer contents)
    {
        var text = reader.ReadTextInto(contents, out var nested);
        if (nested)
        {
            violations.Add(TableCodes.Envelope, field, ViolationRules.EnvelopeStructure, $"Envelope: {field} must hold text only.");
        }

        return text;
    }

    private sealed class EnvelopeContent
    {
        public bool RootFound { get; set; }

        /// <summary>The envelope sections already read (each may appear once).</summary>
        public HashSet<string> Sections { get; } = new(StringComparer.Ordinal);

        public string? FacilityCode { get; set; }

        public string? NgayLap { get; set; }

        public string? SoLuongHoSo { get; set; }

        public int HoSoCount { get; set; }

        /// <summary>Each FILEHOSO: its LOAIHOSO and its trimmed NOIDUNGFILE text in the pooled buffer (null when absent).</summary>
        public List<(string? LoaiHoSo, TextSegment? Content)> Files { get; } = [];

        public bool HasSignatureElement { get; set; }

        public bool HasSignature { get; set; }
    }
}
