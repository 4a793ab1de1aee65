global using Serilog;
global using Serilog.Events;
global using SoSucKhoe.Silo.Logging;
