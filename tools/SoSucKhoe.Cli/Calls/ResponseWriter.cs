using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SoSucKhoe.Cli.Calls;

/// <summary>Writes an answer as proto3 JSON, or one field of it raw (<c>--field</c>) for a shell to capture.</summary>
public static class ResponseWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole message, indented, with JSON field names; fields at their default value only when asked.</summary>
    public static string Json(IMessage message, bool emitDefaults) =>
        Formatter(emitDefaults).Format(message);

    /// <summary>
    /// Writes the field at <paramref name="path"/> (JSON or proto names, dotted for nested messages): text as it is, bytes as raw
    /// bytes, an enum by its name, numbers and booleans as JSON writes them, a timestamp or duration as its JSON string, lists and
    /// other messages as JSON.
    /// </summary>
    public static void WriteField(IMessage message, string path, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(console);
        var names = path.Split('.');
        var current = message;
        for (var i = 0; ; i++)
        {
            var field = RequestBuilder.FindField(current.Descriptor, names[i])
                ?? throw new UsageException($"--field: {current.Descriptor.Name} has no field '{names[i]}' (fields: {string.Join(", ", current.Descriptor.Fields.InDeclarationOrder().Select(f => f.JsonName))}).");
            var value = field.Accessor.GetValue(current);
            if (i == names.Length - 1)
            {
                Write(current, field, value, console);
                return;
            }

            if (field.IsRepeated || field.IsMap || field.FieldType != FieldType.Message)
            {
                throw new UsageException($"--field: '{names[i]}' is not a message, so it has no field '{names[i + 1]}'.");
            }

            current = value as IMessage ?? throw new CliFailureException($"the answer has no {string.Join('.', names[..(i + 1)])}.");
        }
    }

    private static void Write(IMessage parent, FieldDescriptor field, object? value, CliConsole console)
    {
        if (field.IsRepeated || field.IsMap)
        {
            // The list as JSON writes it: taken from the parent's JSON, so that each item is formatted by the protobuf rules.
            var json = JsonNode.Parse(Formatter(emitDefaults: true).Format(parent))![field.JsonName];
            console.Out.WriteLine(json?.ToJsonString(Indented) ?? "[]");
            return;
        }

        switch (field.FieldType)
        {
            case FieldType.String:
                console.Out.WriteLine((string?)value ?? string.Empty);
                break;
            case FieldType.Bytes:
                console.Out.Flush();
                var bytes = ((ByteString?)value ?? ByteString.Empty).Span;
                console.RawOut.Write(bytes);
                console.RawOut.Flush();
                break;
            case FieldType.Enum:
                var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                console.Out.WriteLine(field.EnumType.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture));
                break;
            case FieldType.Bool:
                console.Out.WriteLine(value is true ? "true" : "false");
                break;
            case FieldType.Message or FieldType.Group:
                if (value is not IMessage nested)
                {
                    throw new CliFailureException($"the answer has no {field.JsonName}.");
                }

                var text = Formatter(emitDefaults: false).Format(nested);
                console.Out.WriteLine(JsonNode.Parse(text) is JsonValue single && single.TryGetValue<string>(out var raw) ? raw : text);
                break;
            default:
                console.Out.WriteLine(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static JsonFormatter Formatter(bool emitDefaults) =>
        new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(emitDefaults));
}
