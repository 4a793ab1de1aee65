global using SoSucKhoe.Forwarding.Gateway;
global using SoSucKhoe.GatewayEmulator;

namespace SoSucKhoe.Gateway.Tests;
