namespace SoSucKhoe.Storage.Tests;
