namespace SoSucKhoe.Grains.Tests;
