namespace SoSucKhoe.Gateway.Tests;
