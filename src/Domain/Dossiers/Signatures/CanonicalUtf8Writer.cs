using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>
/// Writes Canonical XML 1.0 text (as System.Security.Cryptography.Xml produces it, see <see cref="WriteText"/> and
/// <see cref="WriteAttributeValue"/>) as UTF-8 either into a running SHA-256 (the referenced document) or into a small byte buffer
/// (SignedInfo). Characters go through one fixed char buffer and one fixed byte buffer, so a document of any size is hashed
/// without a per-node array or a string of the whole document. One instance serves one thread: it is reset before every use.
/// </summary>
internal sealed class CanonicalUtf8Writer : IDisposable
{
    /// <summary>Largest canonical SignedInfo kept; a real one is about 1 KiB.</summary>
    public const int MaxSignedInfoBytes = 64 * 1024;

    private const int CharCapacity = 4096;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<\"\t\n\r");

    private readonly char[] _chars = new char[CharCapacity];
    private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(CharCapacity)];
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _signedInfo = new byte[4096];
    private int _signedInfoLength;
    private int _charCount;
    private bool _hashDirty;
    private bool _pendingCarriageReturn;
    private CanonicalTarget _target;

    /// <summary>True when SignedInfo grew beyond <see cref="MaxSignedInfoBytes"/> (the captured bytes are then incomplete).</summary>
    public bool SignedInfoOverflowed { get; private set; }

    /// <summary>The canonical SignedInfo captured so far.</summary>
    public ReadOnlySpan<byte> SignedInfo => _signedInfo.AsSpan(0, _signedInfoLength);

    /// <summary>Where the next characters go; switching flushes what is pending to the previous target.</summary>
    public CanonicalTarget Target
    {
        get => _target;
        set
        {
            if (value != _target)
            {
                Flush(final: true);
                _target = value;
            }
        }
    }

    /// <summary>Forgets everything written before, including a digest left unfinished by an abandoned pass.</summary>
    public void Reset()
    {
        _charCount = 0;
        _pendingCarriageReturn = false;
        _encoder.Reset();
        _signedInfoLength = 0;
        SignedInfoOverflowed = false;
        _target = CanonicalTarget.None;
        if (_hashDirty)
        {
            Span<byte> discard = stackalloc byte[32];
            _hash.GetHashAndReset(discard);
            _hashDirty = false;
        }
    }

    /// <summary>Finishes the digest of everything written to <see cref="CanonicalTarget.Digest"/> (32 bytes) and stops writing.</summary>
    public void FinishDigest(Span<byte> destination)
    {
        Target = CanonicalTarget.None;
        _hash.GetHashAndReset(destination);
        _hashDirty = false;
    }

    public void Write(char c)
    {
        if (_target == CanonicalTarget.None)
        {
            return;
        }

        if (_charCount == CharCapacity)
        {
            Flush(final: false);
        }

        _chars[_charCount++] = c;
    }

    public void Write(ReadOnlySpan<char> text)
    {
        if (_target == CanonicalTarget.None)
        {
            return;
        }

        while (!text.IsEmpty)
        {
            if (_charCount == CharCapacity)
            {
                Flush(final: false);
            }

            var count = Math.Min(CharCapacity - _charCount, text.Length);
            text[..count].CopyTo(_chars.AsSpan(_charCount));
            _charCount += count;
            text = text[count..];
        }
    }

    /// <summary>
    /// Writes (part of) a text node with the text escapes of Canonical XML (&amp;, &lt;, &gt;), with a carriage return written as
    /// System.Security.Cryptography.Xml digests it: that library serializes the document and parses it again before
    /// canonicalizing, so a CR (only possible through a character reference) becomes a line feed and a CR LF pair one line feed.
    /// Call <see cref="EndText"/> after the last part of the node.
    /// </summary>
    public void WriteText(ReadOnlySpan<char> text)
    {
        if (_target == CanonicalTarget.None || text.IsEmpty)
        {
            return;
        }

        if (_pendingCarriageReturn)
        {
            _pendingCarriageReturn = false;
            if (text[0] != '\n')
            {
                Write('\n');
            }
        }

        while (true)
        {
            var at = text.IndexOfAny(TextSpecials);
            if (at < 0)
            {
                Write(text);
                return;
            }

            Write(text[..at]);
            switch (text[at])
            {
                case '&':
                    Write("&amp;");
                    break;
                case '<':
                    Write("&lt;");
                    break;
                case '>':
                    Write("&gt;");
                    break;
                default:
                    if (at + 1 == text.Length)
                    {
                        // The next part of the node decides whether this CR starts a CR LF pair.
                        _pendingCarriageReturn = true;
                        return;
                    }

                    if (text[at + 1] != '\n')
                    {
                        Write('\n');
                    }

                    break;
            }

            text = text[(at + 1)..];
        }
    }

    /// <summary>Ends a text node written through <see cref="WriteText"/>.</summary>
    public void EndText()
    {
        if (_pendingCarriageReturn)
        {
            _pendingCarriageReturn = false;
            Write('\n');
        }
    }

    /// <summary>
    /// Writes an attribute value with the attribute escapes of Canonical XML (&amp;, &lt;, &quot;, #xA and #xD), with a TAB
    /// written as System.Security.Cryptography.Xml digests it: its re-parse of the serialized document normalizes a TAB in an
    /// attribute value to a space (line feeds and carriage returns survive as character references).
    /// </summary>
    public void WriteAttributeValue(ReadOnlySpan<char> value)
    {
        if (_target == CanonicalTarget.None)
        {
            return;
        }

        while (true)
        {
            var at = value.IndexOfAny(AttributeSpecials);
            if (at < 0)
            {
                Write(value);
                return;
            }

            Write(value[..at]);
            Write(value[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '"' => "&quot;",
                '\t' => " ",
                '\n' => "&#xA;",
                _ => "&#xD;",
            });
            value = value[(at + 1)..];
        }
    }

    public void Dispose() => _hash.Dispose();

    private void Flush(bool final)
    {
        if (_charCount == 0 && !final)
        {
            return;
        }

        var count = _encoder.GetBytes(_chars.AsSpan(0, _charCount), _bytes, final);
        _charCount = 0;
        if (count == 0)
        {
            return;
        }

        var bytes = _bytes.AsSpan(0, count);
        switch (_target)
        {
            case CanonicalTarget.Digest:
                _hash.AppendData(bytes);
                _hashDirty = true;
                break;
            case CanonicalTarget.SignedInfo:
                Capture(bytes);
                break;
        }
    }

    private void Capture(ReadOnlySpan<byte> bytes)
    {
        if (SignedInfoOverflowed)
        {
            return;
        }

        if (_signedInfoLength + bytes.Length > _signedInfo.Length)
        {
            if (_signedInfoLength + bytes.Length > MaxSignedInfoBytes)
            {
                SignedInfoOverflowed = true;
                return;
            }

            Array.Resize(ref _signedInfo, Math.Min(MaxSignedInfoBytes, Math.Max(_signedInfo.Length * 2, _signedInfoLength + bytes.Length)));
        }

        bytes.CopyTo(_signedInfo.AsSpan(_signedInfoLength));
        _signedInfoLength += bytes.Length;
    }
}
