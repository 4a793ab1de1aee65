using Microsoft.AspNetCore.Hosting;
using SoSucKhoe.GatewayEmulator;

// Standalone gateway emulator: dotnet run -- --urls http://127.0.0.1:5090 (the default when no URL is configured).
// Settings: section "Emulator" (see EmulatorOptions), e.g. --Emulator:Accounts:70001=secret --Emulator:Faults:ErrorRate=0.05;
// the route prefix: --Emulator:Prefix=/gateway.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

builder.Services.AddGatewayEmulator(options => builder.Configuration.GetSection("Emulator").Bind(options));

var app = builder.Build();
app.MapGatewayEmulator(builder.Configuration["Emulator:Prefix"] ?? "/gateway");
app.Run();
