global using Orleans;
global using Orleans.Hosting;
global using Orleans.TestingHost;
global using SoSucKhoe.Silo.Storage;
