global using SoSucKhoe.GatewayEmulator;
global using SoSucKhoe.Grains.Gateway;

namespace SoSucKhoe.Gateway.Tests;
