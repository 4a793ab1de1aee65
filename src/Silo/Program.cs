using SoSucKhoe.Silo.Hosting;

return await HubProgram.RunAsync(args, Console.Error);
