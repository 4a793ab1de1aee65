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
    /// <summary>Encodes a projection.</summary>
    public static byte[] Encode(BookProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return JsonSerializer.SerializeToUtf8Bytes(projection, BookJsonContext.Default.BookProjection);
    }

    /// <summary>Decodes a projection written by <see cref="Encode"/>.</summary>
    /// <exception cref="JsonException">The bytes are not an encoded projection.</exception>
    public static BookProjection Decode(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, BookJsonContext.Default.BookProjection)
        ?? throw new JsonException("An encoded book projection was null.");
}

// Nulls are left out and computed properties (BookVisit.DossierId, BookField.IsKnown) are not written: they are rebuilt on read.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(BookProjection))]
internal sealed partial class BookJsonContext : JsonSerializerContext;
