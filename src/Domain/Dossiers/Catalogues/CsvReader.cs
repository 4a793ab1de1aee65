using System.Text;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, optional double quotes, "" as an escaped quote, commas and line
/// breaks inside quoted fields, CRLF or LF record ends. A leading UTF-8 BOM is ignored by the <see cref="TextReader"/>.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads every record. Empty lines between records are skipped.</summary>
    public static IEnumerable<string[]> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldWasQuoted = false;
        var anyContent = false;

        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (inQuotes)
                {
                    throw new FormatException("The CSV ends inside a quoted field.");
                }

                if (anyContent || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return fields.ToArray();
                }

                yield break;
            }

            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    anyContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    anyContent = true;
                    break;
                case '\r':
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    goto case '\n';
                case '\n':
                    if (anyContent || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        yield return fields.ToArray();
                    }

                    fields.Clear();
                    field.Clear();
                    fieldWasQuoted = false;
                    anyContent = false;
                    break;
                default:
                    field.Append(c);
                    anyContent = true;
                    break;
            }
        }
    }

    /// <summary>Reads a file with a header row into dictionaries keyed by column name (missing trailing cells become "").</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader(TextReader reader)
    {
        string[]? header = null;
        foreach (var record in ReadRecords(reader))
        {
            if (header is null)
            {
                header = record;
                continue;
            }

            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < record.Length ? record[i] : string.Empty;
            }

            yield return row;
        }
    }
}
