using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// Checks the host's settings before anything is opened or bound, so that an operator's mistake is one clear line (the setting
/// and what to do) instead of a stack trace, and every mistake shows at once.
/// </summary>
public static class HubSettingsCheck
{
    /// <summary>The cluster profile's key for the audit trail's subject pseudonyms.</summary>
    public const string AuditSubjectKey = "Security:AuditSubjectKey";

    /// <summary>Reads section "Hub" and checks it; adds one line per problem, and returns null when it cannot be read.</summary>
    public static HubOptions? Read(IConfiguration configuration, List<string> problems)
    {
        HubOptions hub;
        try
        {
            hub = configuration.GetSection(HubOptions.SectionName).Get<HubOptions>() ?? new HubOptions();
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the setting and the value it could not convert.
            problems.Add(exception.InnerException is null ? exception.Message : $"{exception.Message} {exception.InnerException.Message}");
            return null;
        }

        if (!string.Equals(hub.Profile, HubOptions.EmbeddedProfile, StringComparison.OrdinalIgnoreCase) && !hub.IsCluster)
        {
            problems.Add($"Hub:Profile must be '{HubOptions.EmbeddedProfile}' or '{HubOptions.ClusterProfile}', not '{hub.Profile}'.");
        }

        var tls = !string.IsNullOrWhiteSpace(hub.TlsCertificatePath);
        CheckUrl(problems, nameof(HubOptions.GrpcUrl), hub.GrpcUrl, tls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp,
            tls ? " (Hub:TlsCertificatePath is set, so gRPC is served over TLS)" : " (set Hub:TlsCertificatePath to serve https)");
        CheckUrl(problems, nameof(HubOptions.HttpUrl), hub.HttpUrl, Uri.UriSchemeHttp, string.Empty);
        if (hub.MaxMessageBytes <= 0)
        {
            problems.Add($"Hub:MaxMessageBytes must be a positive number of bytes, not {hub.MaxMessageBytes}.");
        }

        if (hub.IsCluster)
        {
            CheckCluster(configuration, hub, problems);
        }

        if (hub.IsCluster && hub.HostGatewayEmulator == true)
        {
            problems.Add("Hub:HostGatewayEmulator: the gateway emulator runs only in the embedded profile; the cluster profile forwards to "
                + "the national gateway (Gateway:BaseAddress).");
        }

        if (tls)
        {
            CheckCertificate(hub, problems);
        }

        return hub;
    }

    /// <summary>One line per port of the hub that another program already listens on.</summary>
    public static List<string> PortsInUse(HubOptions hub)
    {
        var problems = new List<string>();
        var any = hub.IsCluster ? IPAddress.Any : IPAddress.Loopback;
        CheckPort(problems, "Hub:GrpcUrl", Endpoint(hub.GrpcUrl));
        CheckPort(problems, "Hub:HttpUrl", Endpoint(hub.HttpUrl));
        CheckPort(problems, "Hub:SiloPort", new IPEndPoint(any, hub.SiloPort));
        if (hub.ClientGatewayPort > 0)
        {
            CheckPort(problems, "Hub:ClientGatewayPort", new IPEndPoint(any, hub.ClientGatewayPort));
        }

        return problems;
    }

    /// <summary>The address and port a checked URL names.</summary>
    public static IPEndPoint Endpoint(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host);
        return new IPEndPoint(address, uri.Port);
    }

    /// <summary>
    /// Runs the options validators registered with ValidateOnStart now, before any hosted service starts, and turns their
    /// failures into start-up problems.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException exception)
        {
            throw new HubStartupException(exception.Failures.ToList());
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new HubStartupException(exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList());
        }
    }

    private static void CheckUrl(List<string> problems, string name, string url, string scheme, string hint)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != scheme
            || !(uri.Host is "localhost" || IPAddress.TryParse(uri.Host, out _)))
        {
            problems.Add($"Hub:{name} must be an {scheme}:// URL with an IP address (or localhost) and a port, not '{url}'{hint}.");
        }
    }

    private static void CheckCluster(IConfiguration configuration, HubOptions hub, List<string> problems)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(hub.PostgresConnectionString))
        {
            missing.Add("Hub:PostgresConnectionString (the PostgreSQL database of grain state, membership, reminders and audit)");
        }

        if (string.IsNullOrWhiteSpace(hub.TlsCertificatePath))
        {
            missing.Add("Hub:TlsCertificatePath (a PFX: the cluster serves gRPC over TLS only)");
        }

        if (string.IsNullOrWhiteSpace(configuration[AuditSubjectKey]))
        {
            missing.Add($"{AuditSubjectKey} (a secret of 32 characters or more, the same on every node)");
        }
        else if (configuration[AuditSubjectKey]!.Length < 32)
        {
            problems.Add($"{AuditSubjectKey} must be at least 32 characters long.");
        }

        var keyFile = configuration["Secrets:KeyFile"];
        if (string.IsNullOrWhiteSpace(configuration["Secrets:Key"]) && string.IsNullOrWhiteSpace(keyFile))
        {
            missing.Add("Secrets:KeyFile or Secrets:Key (one 256-bit key, the same on every node, protects stored secrets)");
        }
        else if (string.IsNullOrWhiteSpace(configuration["Secrets:Key"]) && !File.Exists(Path.GetFullPath(keyFile!)))
        {
            problems.Add($"Secrets:KeyFile: the file {Path.GetFullPath(keyFile!)} does not exist (the cluster profile never creates one: "
                + "distribute the same key file to every node).");
        }

        if (missing.Count > 0)
        {
            problems.Add("The cluster profile needs settings that are not set: " + string.Join("; ", missing) + ".");
        }
    }

    private static void CheckCertificate(HubOptions hub, List<string> problems)
    {
        var path = Path.GetFullPath(hub.TlsCertificatePath!);
        if (!File.Exists(path))
        {
            problems.Add($"Hub:TlsCertificatePath: the file {path} does not exist.");
            return;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, hub.TlsCertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                problems.Add($"Hub:TlsCertificatePath: the file {path} holds no private key.");
            }
        }
        catch (CryptographicException exception)
        {
            problems.Add($"Hub:TlsCertificatePath: the file {path} cannot be read as a PFX with Hub:TlsCertificatePassword: {exception.Message}");
        }
    }

    private static void CheckPort(List<string> problems, string setting, IPEndPoint endpoint)
    {
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(endpoint);
            socket.Listen();
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            problems.Add($"{setting}: port {endpoint.Port} on {endpoint.Address} is already in use by another program; stop it or choose another port.");
        }
        catch (SocketException exception)
        {
            problems.Add($"{setting}: cannot listen on {endpoint}: {exception.Message}");
        }
    }
}
