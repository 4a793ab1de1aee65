using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoSucKhoe.Book;

/// <summary>
/// The form in which a <see cref="BookProjection"/> crosses grain boundaries and is stored: UTF-8 JSON written and read by a
/// source-generated serializer. The book's records therefore carry no serializer attributes, and the patient grain keeps and
/// returns the bytes without decoding them.
/// </summary>
public static class BookProjectionCodec
{
    // Vietnamese text is written as UTF-8, not as \u escapes (a third of the size): the bytes are stored, never put in HTML.
    private static readonly BookJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        IgnoreReadOnlyProperties = true,
    });

    /// <summary>Encodes a projection.</summary>
    public static byte[] Encode(BookProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return JsonSerializer.SerializeToUtf8Bytes(projection, Context.BookProjection);
    }

    /// <summary>Decodes a projection written by <see cref="Encode"/>.</summary>
    /// <exception cref="JsonException">The bytes are not an encoded projection.</exception>
    public static BookProjection Decode(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Context.BookProjection) ?? throw new JsonException("An encoded book projection was null.");
}

// Defaults (nulls, zeros, false) are left out and computed properties (BookVisit.DossierId, BookField.IsKnown) are not written:
// reading restores both.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(BookProjection))]
internal sealed partial class BookJsonContext : JsonSerializerContext;
