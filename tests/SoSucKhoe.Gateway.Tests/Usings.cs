global using SoSucKhoe.GatewayEmulator;
global using SoSucKhoe.Forwarding.Gateway;

namespace SoSucKhoe.Gateway.Tests;
