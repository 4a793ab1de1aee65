using System.Runtime.InteropServices;
using System.Xml;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Internal;

/// <summary>
/// A forward-only XmlReader wrapper that refuses DTDs, resolves nothing and enforces the element-count and depth limits
/// on every element it passes (including the ones a caller skips).
/// </summary>
internal sealed class GuardedXmlReader : IDisposable
{
    [ThreadStatic]
    private static XmlReaderSettings? t_settings;

    private readonly XmlReader _reader;
    private readonly int _maxElements;
    private readonly int _maxDepth;
    private int _elements;

    private GuardedXmlReader(XmlReader reader, DossierReaderOptions options)
    {
        _reader = reader;
        _maxElements = options.MaxElements;
        _maxDepth = options.MaxDepth;
    }

    public XmlReader Reader => _reader;

    public XmlNodeType NodeType => _reader.NodeType;

    public string LocalName => _reader.LocalName;

    public int Depth => _reader.Depth;

    public bool IsEmptyElement => _reader.IsEmptyElement;

    public static XmlReaderSettings CreateSettings(DossierReaderOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
        CloseInput = true,
        ValidationType = ValidationType.None,
    };

    public static GuardedXmlReader Create(ReadOnlyMemory<byte> document, DossierReaderOptions options)
    {
        var stream = MemoryMarshal.TryGetArray(document, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);
        return new GuardedXmlReader(XmlReader.Create(stream, SharedSettings(options)), options);
    }

    /// <summary>
    /// The settings of <see cref="CreateSettings"/>, kept per thread and rebuilt when the character limit (the only option they
    /// carry) changes. Never mutated after creation: a reader only reads them.
    /// </summary>
    private static XmlReaderSettings SharedSettings(DossierReaderOptions options)
    {
        var settings = t_settings;
        if (settings is null || settings.MaxCharactersInDocument != options.MaxCharactersInDocument)
        {
            settings = CreateSettings(options);
            t_settings = settings;
        }

        return settings;
    }

    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        if (_reader.NodeType == XmlNodeType.Element)
        {
            if (++_elements > _maxElements)
            {
                throw new XmlLimitException($"The document has more than {_maxElements} elements.");
            }

            if (_reader.Depth >= _maxDepth)
            {
                throw new XmlLimitException($"The document nests elements deeper than {_maxDepth} levels.");
            }
        }

        return true;
    }

    /// <summary>Moves to the root element; false when the document has none.</summary>
    public bool MoveToRoot()
    {
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the text of the current element and leaves the reader on its end (or on the element itself when empty).
    /// Child elements are consumed and flagged through <paramref name="hadChildElements"/>.
    /// </summary>
    public string ReadText(out bool hadChildElements)
    {
        hadChildElements = false;
        if (_reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = _reader.Depth;
        string? first = null;
        System.Text.StringBuilder? more = null;
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    if (first is null)
                    {
                        first = _reader.Value;
                    }
                    else
                    {
                        more ??= new System.Text.StringBuilder(first);
                        more.Append(_reader.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    hadChildElements = true;
                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    var text = more?.ToString() ?? first ?? string.Empty;
                    return text.Trim();
            }
        }

        return (more?.ToString() ?? first ?? string.Empty).Trim();
    }

    /// <summary>
    /// <see cref="ReadText"/> without a string: the same text (every text, CDATA and whitespace node inside the element, child
    /// elements' text included) is appended to <paramref name="buffer"/>, and the returned segment is that text trimmed as
    /// <see cref="string.Trim()"/> trims. The reader ends where <see cref="ReadText"/> leaves it.
    /// </summary>
    public TextSegment ReadTextInto(PooledCharBuffer buffer, out bool hadChildElements)
    {
        hadChildElements = false;
        var start = buffer.Length;
        if (_reader.IsEmptyElement)
        {
            return new TextSegment(start, 0);
        }

        var depth = _reader.Depth;
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    buffer.AppendValueChunks(_reader);
                    break;
                case XmlNodeType.Element:
                    hadChildElements = true;
                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    return Trimmed(buffer, start);
            }
        }

        return Trimmed(buffer, start);

        static TextSegment Trimmed(PooledCharBuffer buffer, int start)
        {
            var text = buffer[new TextSegment(start, buffer.Length - start)];
            var trimmedStart = text.Length - text.TrimStart().Length;
            var trimmed = text.Trim();
            return new TextSegment(start + trimmedStart, trimmed.Length);
        }
    }

    /// <summary>Consumes the current element and everything inside it, still counting elements.</summary>
    public void SkipSubtree()
    {
        if (_reader.NodeType != XmlNodeType.Element || _reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Consumes a CHUKYDONVI element; true when it holds an XML-DSig Signature element directly.
    /// </summary>
    public bool ReadSignatureContainer()
    {
        if (_reader.IsEmptyElement)
        {
            return false;
        }

        var depth = _reader.Depth;
        var hasSignature = false;
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == depth + 1 && _reader.LocalName == "Signature")
            {
                hasSignature = true;
            }
            else if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                break;
            }
        }

        return hasSignature;
    }

    public void Dispose() => _reader.Dispose();
}
