using System.Reflection;
using Google.Protobuf.Reflection;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.Cli.Calls;

/// <summary>The services and methods of the public contract (package sosuckhoe.v1), from the descriptors generated into Contracts.</summary>
public static class ContractCatalog
{
    /// <summary>The proto package every public service lives in.</summary>
    public const string Package = "sosuckhoe.v1";

    private static readonly Lazy<IReadOnlyList<ServiceDescriptor>> ServicesLazy = new(Load);

    /// <summary>Every service of the package, by name.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services => ServicesLazy.Value;

    /// <summary>
    /// The method named <c>Service/Method</c> (the package prefix <c>sosuckhoe.v1.</c> is optional, and a dot may stand for the
    /// slash); a <see cref="UsageException"/> naming what exists when there is no such method.
    /// </summary>
    public static MethodDescriptor Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.StartsWith(Package + ".", StringComparison.Ordinal) ? name[(Package.Length + 1)..] : name;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            slash = text.LastIndexOf('.');
        }

        if (slash <= 0 || slash == text.Length - 1)
        {
            throw new UsageException($"'{name}' is not <Service>/<Method>, e.g. Facilities/GetFacility (services: {ServiceNames()}).");
        }

        var serviceName = text[..slash];
        var methodName = text[(slash + 1)..];
        var service = Services.FirstOrDefault(s => s.Name == serviceName)
            ?? throw new UsageException($"there is no service '{serviceName}' in {Package} (services: {ServiceNames()}).");
        return service.FindMethodByName(methodName)
            ?? throw new UsageException($"{serviceName} has no method '{methodName}' (methods: {string.Join(", ", service.Methods.Select(m => m.Name))}).");
    }

    private static string ServiceNames() => string.Join(", ", Services.Select(s => s.Name));

    private static List<ServiceDescriptor> Load()
    {
        // Every generated proto file has a static <File>Reflection class: finding them keeps new protos callable without a change here.
        var files = typeof(IntakeReflection).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == Package);
        return files.SelectMany(f => f.Services).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }
}
