namespace SoSucKhoe.EndToEnd.Tests;
