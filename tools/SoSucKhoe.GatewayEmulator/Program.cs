using SoSucKhoe.GatewayEmulator;

// Standalone gateway emulator: dotnet run -- --urls http://127.0.0.1:5090 (the default when no URL is configured).
// No appsettings.json on purpose: the project is also referenced as a library, and its content files would land in the host's
// output. Settings: section "Emulator" (see EmulatorOptions), e.g. --Emulator:Accounts:70001=secret --Emulator:Faults:ErrorRate=0.05;
// the route prefix: --Emulator:Prefix=/gateway.
// The control endpoints (emulator/stats, received, faults, reset) need the emulator's admin key as a bearer token: the one given in
// --Emulator:AdminKey, or the one kept in --Emulator:AdminKeyFile (default ./emulator-admin.key, created at the first start).
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

// Per-request framework logs would dominate at load-test rates; configuration can still lower the level again.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var settings = new EmulatorOptions();
builder.Configuration.GetSection("Emulator").Bind(settings);
var adminKey = EmulatorAdminKey.Resolve(settings.AdminKey, settings.AdminKeyFile, out var created);
builder.Services.AddGatewayEmulator(options =>
{
    builder.Configuration.GetSection("Emulator").Bind(options);
    options.AdminKey = adminKey;
});

var app = builder.Build();
app.MapGatewayEmulator(builder.Configuration["Emulator:Prefix"] ?? "/gateway");
if (string.IsNullOrWhiteSpace(settings.AdminKey))
{
    var keyFile = Path.GetFullPath(settings.AdminKeyFile);
    EmulatorLog.AdminKeyFile(app.Logger, keyFile, created);
}

app.Run();
