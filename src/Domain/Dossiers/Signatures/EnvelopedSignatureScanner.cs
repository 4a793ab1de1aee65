using System.Runtime.InteropServices;
using System.Xml;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>
/// One forward-only <see cref="XmlReader"/> pass over a signed document that, at the same time, hashes the inclusive Canonical
/// XML 1.0 (without comments) form of the document minus its ds:Signature subtree (the enveloped-signature transform), keeps the
/// canonical form of ds:SignedInfo as a document subset (the namespaces in scope from its ancestors rendered on its start tag),
/// and reads the signature's algorithms, reference, digest value, signature value and certificate. The canonical form is the one
/// System.Security.Cryptography.Xml digests, so both verifiers agree byte for byte: it equals C14N 1.0 except for a carriage
/// return in text (a line feed there) and a TAB in an attribute value (a space there), see <see cref="CanonicalUtf8Writer"/>.
/// </summary>
/// <remarks>
/// The pass accepts only the one shape a facility's signature takes (one ds:Signature at /root/CHUKYDONVI/ds:Signature with
/// SignedInfo, SignatureValue and KeyInfo, nothing unknown inside SignedInfo, no comment, PI or CDATA inside the signature, no
/// xml:* attribute on the ancestors of SignedInfo); <see cref="Scan"/> answers false for anything else so the caller can fall
/// back to the general verifier. One instance serves one thread at a time and is reused.
/// </remarks>
internal sealed class EnvelopedSignatureScanner : IDisposable
{
    /// <summary>Inclusive Canonical XML 1.0 without comments.</summary>
    public const string C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly CanonicalUtf8Writer _writer = new();
    private readonly char[] _chunk = new char[2048];
    private int _chunkUsed;
    private Binding[] _bindings = new Binding[16];
    private int _bindingCount;
    private Binding[] _declarations = new Binding[8];
    private int _declarationCount;
    private Binding[] _rendered = new Binding[8];
    private int _renderedCount;
    private Attribute[] _attributes = new Attribute[16];
    private int _attributeCount;
    private string[] _path = new string[16];
    private bool[] _xmlAttributes = new bool[16];

    private Mode _mode;
    private bool _rootSeen;
    private bool _signatureSeen;
    private bool _inKeyInfo;
    private bool _inX509Data;
    private bool _certificateSeen;
    private Part _collecting;
    private int _collectingDepth;
    private int _signedInfoCount;
    private int _signatureValueCount;
    private int _keyInfoCount;
    private int _canonicalizationCount;
    private int _signatureMethodCount;
    private int _referenceCount;
    private int _transformsCount;
    private int _digestMethodCount;
    private int _digestValueCount;
    private int _transformCount;
    private string? _canonicalization;
    private string? _signatureMethod;
    private string? _referenceUri;
    private string? _digestMethod;
    private string? _firstTransform;
    private string? _secondTransform;

    private enum Mode
    {
        Body,
        Signature,
        SignedInfo,
    }

    private enum Part
    {
        None,
        DigestValue,
        SignatureValue,
        Certificate,
    }

    /// <summary>The DigestValue text of the reference (base64) after a successful <see cref="Scan"/>.</summary>
    public string DigestValue { get; private set; } = string.Empty;

    /// <summary>The SignatureValue text (base64) after a successful <see cref="Scan"/>.</summary>
    public string SignatureValue { get; private set; } = string.Empty;

    /// <summary>The first KeyInfo/X509Data/X509Certificate text (base64) after a successful <see cref="Scan"/>.</summary>
    public string Certificate { get; private set; } = string.Empty;

    /// <summary>The canonical (C14N 1.0) UTF-8 bytes of SignedInfo after a successful <see cref="Scan"/>.</summary>
    public ReadOnlySpan<byte> SignedInfo => _writer.SignedInfo;

    /// <summary>
    /// Reads the document once. True only when it has exactly the accepted signature shape and algorithms (C14N 1.0, RSA-SHA256,
    /// one Reference URI="" with the enveloped-signature transform optionally followed by C14N 1.0, SHA-256) and at most
    /// <see cref="DossierReaderOptions.MaxElements"/> elements; then <see cref="FinishDigest"/> gives the reference digest.
    /// Throws <see cref="XmlException"/> (and others) on malformed input: the caller catches.
    /// </summary>
    public bool Scan(ReadOnlyMemory<byte> document, DossierReaderOptions options)
    {
        Reset();
        var settings = GuardedXmlReader.CreateSettings(options);
        settings.IgnoreWhitespace = false;
        settings.IgnoreComments = false;
        settings.IgnoreProcessingInstructions = false;
        using var stream = MemoryMarshal.TryGetArray(document, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, settings);
        _writer.Target = CanonicalTarget.Digest;
        var elements = 0;
        while (reader.Read())
        {
            var ok = reader.NodeType switch
            {
                XmlNodeType.Element => ++elements <= options.MaxElements && reader.Depth < options.MaxDepth && StartElement(reader),
                XmlNodeType.EndElement => EndElement(reader.Depth, reader.Name),
                XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace => Characters(reader),
                XmlNodeType.ProcessingInstruction => ProcessingInstruction(reader),
                XmlNodeType.Comment => _mode == Mode.Body,
                XmlNodeType.XmlDeclaration => true,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return IsAcceptedSignature();
    }

    /// <summary>The SHA-256 of the canonical document without its signature (32 bytes).</summary>
    public void FinishDigest(Span<byte> destination) => _writer.FinishDigest(destination);

    /// <summary>Drops every reference to document content kept from the last pass (the instance lives on in a thread-static).</summary>
    public void Clear()
    {
        // Only the part of the chunk a text node reached holds document text; clearing all of it on every call is wasted work.
        Array.Clear(_chunk, 0, _chunkUsed);
        _chunkUsed = 0;
        Array.Clear(_bindings);
        Array.Clear(_declarations);
        Array.Clear(_rendered);
        Array.Clear(_attributes);
        Array.Clear(_path);
        _bindingCount = _declarationCount = _renderedCount = _attributeCount = 0;
        DigestValue = SignatureValue = Certificate = string.Empty;
        _writer.Reset();
    }

    public void Dispose() => _writer.Dispose();

    private void Reset()
    {
        Clear();
        _mode = Mode.Body;
        _rootSeen = _signatureSeen = _inKeyInfo = _inX509Data = _certificateSeen = false;
        _collecting = Part.None;
        _collectingDepth = 0;
        _signedInfoCount = _signatureValueCount = _keyInfoCount = 0;
        _canonicalizationCount = _signatureMethodCount = _referenceCount = _transformsCount = _digestMethodCount = _digestValueCount = 0;
        _transformCount = 0;
        _canonicalization = _signatureMethod = _referenceUri = _digestMethod = _firstTransform = _secondTransform = null;
    }

    private bool IsAcceptedSignature() =>
        _rootSeen && _signatureSeen && _mode == Mode.Body && !_writer.SignedInfoOverflowed
        && _signedInfoCount == 1 && _signatureValueCount == 1 && _keyInfoCount == 1
        && _canonicalizationCount == 1 && _signatureMethodCount == 1 && _referenceCount == 1
        && _transformsCount == 1 && _digestMethodCount == 1 && _digestValueCount == 1
        && _canonicalization == C14N && _signatureMethod == XmlDsig.RsaSha256
        && _referenceUri is { Length: 0 } && _digestMethod == XmlDsig.Sha256
        && _firstTransform == XmlDsig.EnvelopedTransform
        && (_transformCount == 1 || (_transformCount == 2 && _secondTransform == C14N))
        && DigestValue.Length > 0 && SignatureValue.Length > 0 && Certificate.Length > 0;

    private bool StartElement(XmlReader reader)
    {
        var depth = reader.Depth;
        var name = reader.Name;
        var localName = reader.LocalName;
        var isDsig = reader.NamespaceURI == XmlDsig.Namespace;
        var empty = reader.IsEmptyElement;
        EnsureDepth(depth);
        _path[depth] = localName;
        if (!ReadAttributes(reader, depth))
        {
            return false;
        }

        if (depth == 0)
        {
            _rootSeen = true;
        }

        var isSignature = isDsig && localName == "Signature";
        if (isSignature && (_signatureSeen || _mode != Mode.Body || depth != 2 || _path[1] != XmlDsig.SignatureContainer))
        {
            // A second signature, or one anywhere but /root/CHUKYDONVI: the general verifier names the refusal.
            return false;
        }

        switch (_mode)
        {
            case Mode.Body when isSignature:
                _signatureSeen = true;
                _mode = Mode.Signature;
                _writer.Target = CanonicalTarget.None;
                PushDeclarations(depth);
                if (!HasOnlyAttributes("Id"))
                {
                    return false;
                }

                break;
            case Mode.Body:
                WriteStartTag(name, depth, apex: false);
                break;
            case Mode.Signature when depth == 3:
                PushDeclarations(depth);
                if (!isDsig || !SignatureChild(name, localName, depth))
                {
                    return false;
                }

                break;
            case Mode.Signature:
                PushDeclarations(depth);
                if (!KeyInfoDescendant(localName, isDsig, depth))
                {
                    return false;
                }

                break;
            case Mode.SignedInfo:
                if (!isDsig || !SignedInfoDescendant(localName, depth))
                {
                    return false;
                }

                WriteStartTag(name, depth, apex: false);
                break;
        }

        return !empty || EndElement(depth, name);
    }

    /// <summary>A child of ds:Signature: SignedInfo, SignatureValue or KeyInfo, each once.</summary>
    private bool SignatureChild(string name, string localName, int depth)
    {
        switch (localName)
        {
            case "SignedInfo":
                // xml:* attributes of the ancestors would be inherited by the SignedInfo subset: leave that to the general verifier.
                if (++_signedInfoCount > 1 || !HasOnlyAttributes("Id") || _xmlAttributes[0] || _xmlAttributes[1] || _xmlAttributes[2])
                {
                    return false;
                }

                // A prefixed SignedInfo under an explicit xmlns="": SignedXml's propagation of ancestor namespaces onto
                // SignedInfo then disagrees with C14N 1.0 (it carries an outer default namespace, measured with .NET 10), so
                // the answer is left to the general verifier.
                if (name.Length != localName.Length && HasEmptyDefaultDeclaration())
                {
                    return false;
                }

                _mode = Mode.SignedInfo;
                _writer.Target = CanonicalTarget.SignedInfo;
                WriteStartTag(name, depth, apex: true);
                return true;
            case "SignatureValue":
                if (++_signatureValueCount > 1 || !HasOnlyAttributes("Id"))
                {
                    return false;
                }

                Collect(Part.SignatureValue, depth);
                return true;
            case "KeyInfo":
                if (++_keyInfoCount > 1)
                {
                    return false;
                }

                _inKeyInfo = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>An element inside SignedInfo: only the elements and attributes of the accepted signature shape.</summary>
    private bool SignedInfoDescendant(string localName, int depth)
    {
        var parent = _path[depth - 1];
        switch (depth)
        {
            case 4 when parent == "SignedInfo":
                switch (localName)
                {
                    case "CanonicalizationMethod" when HasOnlyAttributes("Algorithm"):
                        _canonicalizationCount++;
                        _canonicalization = AttributeValue("Algorithm");
                        return true;
                    case "SignatureMethod" when HasOnlyAttributes("Algorithm"):
                        _signatureMethodCount++;
                        _signatureMethod = AttributeValue("Algorithm");
                        return true;
                    case "Reference" when HasOnlyAttributes("URI", "Id", "Type"):
                        _referenceCount++;
                        _referenceUri = AttributeValue("URI");
                        return true;
                    default:
                        return false;
                }

            case 5 when parent == "Reference":
                switch (localName)
                {
                    case "Transforms" when HasOnlyAttributes():
                        _transformsCount++;
                        return true;
                    case "DigestMethod" when HasOnlyAttributes("Algorithm"):
                        _digestMethodCount++;
                        _digestMethod = AttributeValue("Algorithm");
                        return true;
                    case "DigestValue" when HasOnlyAttributes():
                        _digestValueCount++;
                        Collect(Part.DigestValue, depth);
                        return true;
                    default:
                        return false;
                }

            case 6 when parent == "Transforms" && localName == "Transform" && HasOnlyAttributes("Algorithm"):
                switch (++_transformCount)
                {
                    case 1:
                        _firstTransform = AttributeValue("Algorithm");
                        return true;
                    case 2:
                        _secondTransform = AttributeValue("Algorithm");
                        return true;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }

    /// <summary>
    /// An element below a child of ds:Signature outside SignedInfo. Only KeyInfo has content: the first
    /// X509Data/X509Certificate is read (as the general verifier does), everything else in KeyInfo is ignored.
    /// </summary>
    private bool KeyInfoDescendant(string localName, bool isDsig, int depth)
    {
        if (!_inKeyInfo || _collecting == Part.Certificate)
        {
            // Elements inside SignatureValue or inside the certificate.
            return false;
        }

        if (depth == 4 && isDsig && localName == "X509Data")
        {
            _inX509Data = true;
        }
        else if (depth == 5 && _inX509Data && isDsig && localName == "X509Certificate" && !_certificateSeen)
        {
            _certificateSeen = true;
            Collect(Part.Certificate, depth);
        }

        return true;
    }

    private bool EndElement(int depth, string name)
    {
        switch (_mode)
        {
            case Mode.Body:
                WriteEndTag(name);
                break;
            case Mode.SignedInfo:
                WriteEndTag(name);
                if (depth == 3)
                {
                    _mode = Mode.Signature;
                    _writer.Target = CanonicalTarget.None;
                }

                break;
            case Mode.Signature:
                switch (depth)
                {
                    case 2:
                        _mode = Mode.Body;
                        _writer.Target = CanonicalTarget.Digest;
                        break;
                    case 3:
                        _inKeyInfo = false;
                        break;
                    case 4:
                        _inX509Data = false;
                        break;
                }

                break;
        }

        if (_collecting != Part.None && depth == _collectingDepth)
        {
            _collecting = Part.None;
        }

        while (_bindingCount > 0 && _bindings[_bindingCount - 1].Depth == depth)
        {
            _bindings[--_bindingCount] = default;
        }

        return true;
    }

    private bool Characters(XmlReader reader)
    {
        if (_mode == Mode.Body)
        {
            if (reader.Depth > 0)
            {
                // Whitespace outside the document element is not part of the canonical form; everything inside is.
                int read;
                while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    _chunkUsed = Math.Max(_chunkUsed, read);
                    _writer.WriteText(_chunk.AsSpan(0, read));
                }

                _writer.EndText();
            }

            return true;
        }

        if (reader.NodeType == XmlNodeType.CDATA)
        {
            return false;
        }

        var value = reader.Value;
        if (_mode == Mode.SignedInfo)
        {
            _writer.WriteText(value);
            _writer.EndText();
        }

        switch (_collecting)
        {
            case Part.DigestValue:
                DigestValue = string.Concat(DigestValue, value);
                return true;
            case Part.SignatureValue:
                SignatureValue = string.Concat(SignatureValue, value);
                return true;
            case Part.Certificate:
                Certificate = string.Concat(Certificate, value);
                return true;
            default:
                return _inKeyInfo || IsXmlWhitespace(value);
        }
    }

    private bool ProcessingInstruction(XmlReader reader)
    {
        if (_mode != Mode.Body)
        {
            return false;
        }

        // Outside the document element a PI is followed (before the root) or preceded (after it) by a line feed.
        var outside = reader.Depth == 0;
        if (outside && _rootSeen)
        {
            _writer.Write('\n');
        }

        _writer.Write("<?");
        _writer.Write(reader.Name);
        var data = reader.Value;
        if (data.Length > 0)
        {
            _writer.Write(' ');
            _writer.Write(data);
        }

        _writer.Write("?>");
        if (outside && !_rootSeen)
        {
            _writer.Write('\n');
        }

        return true;
    }

    private void Collect(Part part, int depth)
    {
        _collecting = part;
        _collectingDepth = depth;
    }

    /// <summary>
    /// Splits the element's attributes into namespace declarations and ordinary attributes; false for a declaration of the
    /// reserved xml or xmlns prefixes (left to the general verifier).
    /// </summary>
    private bool ReadAttributes(XmlReader reader, int depth)
    {
        _declarationCount = 0;
        _attributeCount = 0;
        _xmlAttributes[depth] = false;
        if (!reader.MoveToFirstAttribute())
        {
            return true;
        }

        do
        {
            var ns = reader.NamespaceURI;
            if (ns == XmlnsNamespace)
            {
                var prefix = reader.Prefix.Length == 0 ? string.Empty : reader.LocalName;
                var uri = reader.Value;
                if (prefix is "xml" or "xmlns" || uri.AsSpan().IndexOfAny("\t\n\r") >= 0)
                {
                    reader.MoveToElement();
                    return false;
                }

                Add(ref _declarations, ref _declarationCount, new Binding(prefix, uri, depth));
            }
            else
            {
                _xmlAttributes[depth] |= ns == XmlNamespace;
                if (_attributeCount == _attributes.Length)
                {
                    Array.Resize(ref _attributes, _attributes.Length * 2);
                }

                _attributes[_attributeCount++] = new Attribute(reader.Name, reader.LocalName, ns, reader.Value);
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        return true;
    }

    private bool HasOnlyAttributes(string? first = null, string? second = null, string? third = null)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            var attribute = _attributes[i];
            if (attribute.NamespaceUri.Length != 0
                || (attribute.LocalName != first && attribute.LocalName != second && attribute.LocalName != third))
            {
                return false;
            }
        }

        return true;
    }

    private string? AttributeValue(string localName)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            if (_attributes[i].LocalName == localName && _attributes[i].NamespaceUri.Length == 0)
            {
                return _attributes[i].Value;
            }
        }

        return null;
    }

    private void PushDeclarations(int depth)
    {
        for (var i = 0; i < _declarationCount; i++)
        {
            Add(ref _bindings, ref _bindingCount, _declarations[i] with { Depth = depth });
        }
    }

    /// <summary>
    /// Writes a start tag per C14N 1.0. A normal element renders the namespace declarations that change a binding of its parent
    /// (xmlns="" only when the parent has a non-empty default namespace). The apex of the SignedInfo subset renders every
    /// namespace in scope (a non-empty default first), because no ancestor of it is output.
    /// </summary>
    private void WriteStartTag(string name, int depth, bool apex)
    {
        _renderedCount = 0;
        if (apex)
        {
            // The apex's own declarations are already pushed: it renders every binding in scope.
            for (var i = _bindingCount - 1; i >= 0; i--)
            {
                var binding = _bindings[i];
                if (!IsRendered(binding.Prefix))
                {
                    Add(ref _rendered, ref _renderedCount, binding);
                }
            }

            // An empty default namespace in scope means "no default namespace": nothing to render for it on the apex.
            for (var i = 0; i < _renderedCount; i++)
            {
                if (_rendered[i].Prefix.Length == 0 && _rendered[i].Uri.Length == 0)
                {
                    _rendered[i] = _rendered[--_renderedCount];
                    break;
                }
            }
        }
        else
        {
            for (var i = 0; i < _declarationCount; i++)
            {
                var declaration = _declarations[i];
                var inScope = Lookup(declaration.Prefix);
                if (inScope != declaration.Uri && !IsRendered(declaration.Prefix))
                {
                    Add(ref _rendered, ref _renderedCount, declaration);
                }
            }

            PushDeclarations(depth);
        }

        SortDeclarations();
        SortAttributes();
        _writer.Write('<');
        _writer.Write(name);
        for (var i = 0; i < _renderedCount; i++)
        {
            var declaration = _rendered[i];
            _writer.Write(" xmlns");
            if (declaration.Prefix.Length > 0)
            {
                _writer.Write(':');
                _writer.Write(declaration.Prefix);
            }

            _writer.Write("=\"");
            _writer.WriteAttributeValue(declaration.Uri);
            _writer.Write('"');
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            var attribute = _attributes[i];
            _writer.Write(' ');
            _writer.Write(attribute.Name);
            _writer.Write("=\"");
            _writer.WriteAttributeValue(attribute.Value);
            _writer.Write('"');
        }

        _writer.Write('>');
    }

    private void WriteEndTag(string name)
    {
        _writer.Write("</");
        _writer.Write(name);
        _writer.Write('>');
    }

    private string? Lookup(string prefix)
    {
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            if (_bindings[i].Prefix == prefix)
            {
                return _bindings[i].Uri;
            }
        }

        return prefix.Length == 0 ? string.Empty : null;
    }

    private bool HasEmptyDefaultDeclaration()
    {
        for (var i = 0; i < _bindingCount; i++)
        {
            if (_bindings[i].Prefix.Length == 0 && _bindings[i].Uri.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsRendered(string prefix)
    {
        for (var i = 0; i < _renderedCount; i++)
        {
            if (_rendered[i].Prefix == prefix)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Namespace declarations in C14N order: the default namespace first, then by prefix (ordinal).</summary>
    private void SortDeclarations()
    {
        for (var i = 1; i < _renderedCount; i++)
        {
            var current = _rendered[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(_rendered[j].Prefix, current.Prefix) > 0)
            {
                _rendered[j + 1] = _rendered[j];
                j--;
            }

            _rendered[j + 1] = current;
        }
    }

    /// <summary>Attributes in C14N order: by namespace URI (unqualified first), then by local name (ordinal).</summary>
    private void SortAttributes()
    {
        for (var i = 1; i < _attributeCount; i++)
        {
            var current = _attributes[i];
            var j = i - 1;
            while (j >= 0 && Compare(_attributes[j], current) > 0)
            {
                _attributes[j + 1] = _attributes[j];
                j--;
            }

            _attributes[j + 1] = current;
        }

        static int Compare(Attribute left, Attribute right)
        {
            var byNamespace = string.CompareOrdinal(left.NamespaceUri, right.NamespaceUri);
            return byNamespace != 0 ? byNamespace : string.CompareOrdinal(left.LocalName, right.LocalName);
        }
    }

    private void EnsureDepth(int depth)
    {
        if (depth >= _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
            Array.Resize(ref _xmlAttributes, _xmlAttributes.Length * 2);
        }
    }

    private static void Add(ref Binding[] array, ref int count, Binding item)
    {
        if (count == array.Length)
        {
            Array.Resize(ref array, array.Length * 2);
        }

        array[count++] = item;
    }

    private static bool IsXmlWhitespace(string value) => value.AsSpan().IndexOfAnyExcept(" \t\r\n") < 0;

    /// <summary>A namespace binding: prefix ("" for the default namespace) to URI, declared on the element at this depth.</summary>
    private readonly record struct Binding(string Prefix, string Uri, int Depth);

    /// <summary>An ordinary (non-namespace) attribute of the current element.</summary>
    private readonly record struct Attribute(string Name, string LocalName, string NamespaceUri, string Value);
}
