using SoSucKhoe.Silo.Hosting;

var app = HubHost.Build(args);
await app.RunAsync();
