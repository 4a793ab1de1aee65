using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SoSucKhoe.Cli.Calls;

/// <summary>
/// Builds a request message from proto3 JSON (field names as JSON names or proto names; bytes as base64; enums by name), with
/// files put into string or bytes fields by <c>--file FIELD=PATH</c> (a dotted FIELD reaches into nested messages).
/// </summary>
public static class RequestBuilder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The request; <see cref="UsageException"/> for JSON that does not fit, <see cref="CliFailureException"/> for an unreadable file.</summary>
    public static IMessage Build(MessageDescriptor input, string json, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json) as JsonObject
                ?? throw new UsageException($"the request must be a JSON object such as '{{}}' ({input.Name}).");
        }
        catch (JsonException exception)
        {
            throw new UsageException($"the request is not valid JSON: {exception.Message}");
        }

        foreach (var file in files)
        {
            PutFile(root, input, file);
        }

        try
        {
            return JsonParser.Default.Parse(root.ToJsonString(), input);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new UsageException($"the request does not fit {input.FullName}: {exception.Message}");
        }
        catch (InvalidJsonException exception)
        {
            throw new UsageException($"the request does not fit {input.FullName}: {exception.Message}");
        }
    }

    /// <summary>The field of <paramref name="message"/> named by its JSON name or its proto name, or null.</summary>
    public static FieldDescriptor? FindField(MessageDescriptor message, string name) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name) ?? message.FindFieldByName(name);

    private static void PutFile(JsonObject root, MessageDescriptor input, string specification)
    {
        var equals = specification.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == specification.Length - 1)
        {
            throw new UsageException($"--file takes FIELD=PATH (e.g. document=dossier.xml), not '{specification}'.");
        }

        var path = specification[(equals + 1)..];
        var names = specification[..equals].Split('.');
        var target = root;
        var message = input;
        for (var i = 0; i < names.Length; i++)
        {
            var field = FindField(message, names[i])
                ?? throw new UsageException($"--file: {message.Name} has no field '{names[i]}' (fields: {string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName))}).");
            if (field.IsRepeated || field.IsMap)
            {
                throw new UsageException($"--file: '{names[i]}' is a list; give list items in the JSON request.");
            }

            if (i < names.Length - 1)
            {
                if (field.FieldType != FieldType.Message)
                {
                    throw new UsageException($"--file: '{names[i]}' is not a message, so it has no field '{names[i + 1]}'.");
                }

                var child = (target[field.JsonName] ?? target[field.Name]) as JsonObject;
                if (child is null)
                {
                    child = [];
                    Replace(target, field, child);
                }

                target = child;
                message = field.MessageType;
                continue;
            }

            if (field.FieldType is not (FieldType.Bytes or FieldType.String))
            {
                throw new UsageException($"--file: '{names[i]}' is neither a string nor a bytes field.");
            }

            var bytes = Read(path);
            Replace(target, field, field.FieldType == FieldType.Bytes
                ? JsonValue.Create(Convert.ToBase64String(bytes))
                : JsonValue.Create(Text(bytes, path)));
        }
    }

    private static void Replace(JsonObject target, FieldDescriptor field, JsonNode value)
    {
        target.Remove(field.Name);
        target.Remove(field.JsonName);
        target[field.JsonName] = value;
    }

    private static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    private static string Text(byte[] bytes, string path)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new CliFailureException($"'{path}' is not UTF-8 text, and the field takes text.");
        }
    }
}
