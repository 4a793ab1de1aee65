using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace SoSucKhoe.Cli.Calls;

/// <summary>An error answer as a person reads it: the status code and message, then each google.rpc detail on its own line.</summary>
public static class ErrorReport
{
    private static readonly JsonFormatter DetailFormatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    /// <summary>The lines to print for <paramref name="error"/>.</summary>
    public static IReadOnlyList<string> Describe(RpcException error, Uri hub)
    {
        ArgumentNullException.ThrowIfNull(error);
        var lines = new List<string> { $"error: {error.StatusCode} ({(int)error.StatusCode}): {error.Status.Detail}" };
        var details = error.GetRpcStatus()?.Details ?? [];
        foreach (var detail in details)
        {
            lines.AddRange(DescribeDetail(detail));
        }

        if (details.Count == 0 && error.StatusCode == StatusCode.Unavailable)
        {
            lines.Add($"  is the hub running at {hub}? (start it with: dotnet run --project src/Silo)");
        }

        return lines;
    }

    private static IEnumerable<string> DescribeDetail(Any detail)
    {
        if (detail.TryUnpack<BadRequest>(out var badRequest))
        {
            return badRequest.FieldViolations.Select(v => $"  field violation {v.Field}: {v.Description}");
        }

        if (detail.TryUnpack<PreconditionFailure>(out var precondition))
        {
            return precondition.Violations.Select(v => $"  precondition failure {v.Type} {v.Subject}: {v.Description}");
        }

        if (detail.TryUnpack<RetryInfo>(out var retry))
        {
            return [string.Create(CultureInfo.InvariantCulture, $"  retry after {retry.RetryDelay?.ToTimeSpan().TotalSeconds ?? 0:0.###} s")];
        }

        if (detail.TryUnpack<ErrorInfo>(out var info))
        {
            var metadata = info.Metadata.Count == 0 ? string.Empty : " " + string.Join(", ", info.Metadata.Select(m => $"{m.Key}={m.Value}"));
            return [$"  error info {info.Reason} ({info.Domain}){metadata}"];
        }

        if (detail.TryUnpack<ResourceInfo>(out var resource))
        {
            return [$"  resource {resource.ResourceType} {resource.ResourceName}: {resource.Description}"];
        }

        if (detail.TryUnpack<QuotaFailure>(out var quota))
        {
            return quota.Violations.Select(v => $"  quota failure {v.Subject}: {v.Description}");
        }

        if (detail.TryUnpack<Help>(out var help))
        {
            return help.Links.Select(l => $"  help {l.Description}: {l.Url}");
        }

        if (detail.TryUnpack<LocalizedMessage>(out var localized))
        {
            return [$"  message ({localized.Locale}): {localized.Message}"];
        }

        try
        {
            return [$"  detail {DetailFormatter.Format(detail)}"];
        }
        catch (InvalidOperationException)
        {
            return [$"  detail {detail.TypeUrl}: {detail.Value.ToBase64()}"];
        }
    }
}
