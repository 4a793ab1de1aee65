using SoSucKhoe.Api.Security;
using SoSucKhoe.GatewayEmulator;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>
/// The national gateway's emulator inside the embedded profile's one-command run, so that a newcomer's hub has a gateway to
/// forward to. This is the only code of the host that names the emulator, and only the embedded profile calls it: the cluster
/// profile never loads the emulator's assembly.
/// </summary>
internal static class EmbeddedGatewayEmulator
{
    /// <summary>Where the emulator is served on the plain-HTTP port (the default Gateway:BaseAddress points here).</summary>
    public const string Prefix = "/gateway";

    public static void AddTo(WebApplicationBuilder builder) =>
        builder.Services.AddGatewayEmulator(options => builder.Configuration.GetSection("Emulator").Bind(options));

    /// <summary>
    /// Maps the emulator on the HTTP port. Its controls (faults, reset, what it received) are operator tools: admin key only. Its
    /// gateway endpoints keep their own token check, as the real gateway does.
    /// </summary>
    public static void MapOn(WebApplication app, int httpPort)
    {
        app.RequireAdminKey(Prefix + "/emulator");
        app.MapGatewayEmulator(Prefix).RequireHost($"*:{httpPort}");
    }
}
