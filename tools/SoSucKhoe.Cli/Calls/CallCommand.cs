using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace SoSucKhoe.Cli.Calls;

/// <summary>
/// <c>call</c>: one unary call of any method of sosuckhoe.v1, built from the descriptors in Contracts, JSON in and JSON out, with
/// the API key as <c>authorization: Bearer</c>.
/// </summary>
public sealed class CallCommand : ICliCommand
{
    /// <summary>The hub's gRPC address when neither --hub nor SOSUCKHOE_HUB says otherwise.</summary>
    public const string DefaultHub = "http://127.0.0.1:5080";

    /// <summary>The environment variable holding the API key.</summary>
    public const string KeyVariable = "SOSUCKHOE_KEY";

    /// <summary>The environment variable holding the hub's address.</summary>
    public const string HubVariable = "SOSUCKHOE_HUB";

    private static readonly string[] Valued = ["--hub", "--key", "--key-file", "--field", "--file", "--timeout"];
    private static readonly string[] Switches = ["--emit-defaults", "--list"];

    /// <inheritdoc />
    public string Name => "call";

    /// <inheritdoc />
    public string Summary => "call any method of the hub's API (sosuckhoe.v1) with a JSON request";

    /// <inheritdoc />
    public string Usage => $$"""
        usage: {{CliApp.Name}} call <Service>/<Method> ['<json request>'] [--hub URL] [--key KEY | --key-file PATH]
                 [--file FIELD=PATH]... [--field NAME] [--emit-defaults] [--timeout SECONDS]
               {{CliApp.Name}} call --list

        Makes one unary call of a method of package sosuckhoe.v1 and prints the answer as JSON on standard output. The request
        is proto3 JSON: field names as in the .proto files or in their JSON form (facility_code or facilityCode), enums by
        name, bytes as base64, 64-bit integers as strings, timestamps as "2025-04-07T00:30:00Z". Give '-' to read it from
        standard input, or @PATH to read it from a file; '{}' when omitted.
        On an error answer it prints the status code, the message and the google.rpc details (field violations,
        precondition failures, retry delay, …) on standard error and exits with 1.

          --hub URL           the hub's gRPC address (default ${{HubVariable}}, else {{DefaultHub}})
          --key KEY           the API key, sent as "authorization: Bearer KEY" (default ${{KeyVariable}})
          --key-file PATH     read the API key from a file, e.g. src/Silo/data/admin.key
          --file FIELD=PATH   put a file into a string or bytes field (dotted for nested fields), e.g. document=dossier.xml
                              or certificatePem=signer.crt; may be repeated
          --field NAME        print only this field of the answer, raw (dotted for nested fields), e.g. facilityKey.key
          --emit-defaults     also print fields that hold their default value (0, false, "")
          --timeout SECONDS   give up after this long, 1-3600 (default 60)
          --list              list the services and methods

        examples:
          {{CliApp.Name}} call Facilities/GetFacility '{"facilityCode":"70001"}' --key-file src/Silo/data/admin.key
          FACILITY_KEY=$({{CliApp.Name}} call Facilities/IssueConnectionCode '{"facilityCode":"70001"}' --field facilityKey.key)
          SOSUCKHOE_KEY=$FACILITY_KEY {{CliApp.Name}} call Intake/SubmitDossier --file document=dossier.xml

        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var options = CommandOptions.Parse(args, Valued, Switches);
        if (options.Flag("--list"))
        {
            options.AtMostPositionals(0);
            WriteList(context.Console.Out);
            return ExitCodes.Ok;
        }

        options.AtMostPositionals(2);
        if (options.Positionals.Count == 0)
        {
            throw new UsageException("name the method to call, e.g. Facilities/GetFacility (or --list).");
        }

        var method = ContractCatalog.Find(options.Positionals[0]);
        if (method.IsClientStreaming || method.IsServerStreaming)
        {
            throw new UsageException($"{method.Service.Name}/{method.Name} streams; this command makes unary calls only.");
        }

        var hub = Hub(options, context.Environment);
        var key = Key(options, context.Environment);
        var timeout = TimeSpan.FromSeconds(options.Number("--timeout", 60, 1, 3600));
        var field = options.Value("--field");
        var json = RequestText(options.Positionals.Count > 1 ? options.Positionals[1] : "{}");
        var request = RequestBuilder.Build(method.InputType, json, options.Values("--file"));
        if (field is not null)
        {
            // A wrong --field is a usage error before anything is sent, not after the hub acted on the request.
            CheckFieldPath(method.OutputType, field);
        }

        IMessage response;
        using (var channel = GrpcChannel.ForAddress(hub, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024, MaxSendMessageSize = null }))
        {
            var headers = new Metadata();
            if (key is not null)
            {
                headers.Add("authorization", "Bearer " + key);
            }

            try
            {
                response = await channel.CreateCallInvoker().AsyncUnaryCall(
                    DynamicMethod(method), null, new CallOptions(headers, DateTime.UtcNow + timeout, context.Cancellation), request);
            }
            catch (RpcException error) when (!context.Cancellation.IsCancellationRequested)
            {
                foreach (var line in ErrorReport.Describe(error, hub))
                {
                    await context.Console.Error.WriteLineAsync(line);
                }

                return ExitCodes.Failed;
            }
        }

        if (field is null)
        {
            await context.Console.Out.WriteLineAsync(ResponseWriter.Json(response, options.Flag("--emit-defaults")));
        }
        else
        {
            ResponseWriter.WriteField(response, field, context.Console);
        }

        return ExitCodes.Ok;
    }

    /// <summary>A gRPC method whose messages are (de)serialised through their descriptors.</summary>
    private static Method<IMessage, IMessage> DynamicMethod(MethodDescriptor method) => new(
        MethodType.Unary,
        method.Service.FullName,
        method.Name,
        Marshallers.Create(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
        Marshallers.Create(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));

    private static Uri Hub(CommandOptions options, Func<string, string?> environment)
    {
        var text = options.Value("--hub") ?? NonEmpty(environment(HubVariable)) ?? DefaultHub;
        return Uri.TryCreate(text, UriKind.Absolute, out var hub) && hub.Scheme is "http" or "https"
            ? hub
            : throw new UsageException($"--hub must be an http:// or https:// address such as {DefaultHub}, not '{text}'.");
    }

    private static string? Key(CommandOptions options, Func<string, string?> environment)
    {
        var key = options.Value("--key");
        var file = options.Value("--key-file");
        if (key is not null && file is not null)
        {
            throw new UsageException("give --key or --key-file, not both.");
        }

        if (file is not null)
        {
            try
            {
                key = File.ReadAllText(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliFailureException($"cannot read the key file '{file}': {exception.Message}", exception);
            }
        }

        key = NonEmpty(key?.Trim()) ?? NonEmpty(environment(KeyVariable)?.Trim());
        if (key is not null && key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new UsageException("the API key holds spaces or control characters; is it the right value?");
        }

        return key;
    }

    private static string RequestText(string argument)
    {
        try
        {
            return argument switch
            {
                "-" => Console.In.ReadToEnd(),
                ['@', .. var path] => File.ReadAllText(path),
                _ => argument,
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"cannot read the request: {exception.Message}", exception);
        }
    }

    private static void CheckFieldPath(MessageDescriptor message, string path)
    {
        var names = path.Split('.');
        for (var i = 0; i < names.Length; i++)
        {
            var field = RequestBuilder.FindField(message, names[i])
                ?? throw new UsageException($"--field: {message.Name} has no field '{names[i]}' (fields: {string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName))}).");
            if (i < names.Length - 1)
            {
                if (field.IsRepeated || field.IsMap || field.FieldType != FieldType.Message)
                {
                    throw new UsageException($"--field: '{names[i]}' is not a message, so it has no field '{names[i + 1]}'.");
                }

                message = field.MessageType;
            }
        }
    }

    private static void WriteList(TextWriter output)
    {
        foreach (var service in ContractCatalog.Services)
        {
            foreach (var method in service.Methods)
            {
                var streaming = method.IsServerStreaming || method.IsClientStreaming ? "   (streaming: not callable here)" : string.Empty;
                output.WriteLine($"{service.Name}/{method.Name}   {method.InputType.Name} -> {method.OutputType.Name}{streaming}");
            }
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
