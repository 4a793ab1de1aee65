global using SoSucKhoe.Cli.Tests.Support;
