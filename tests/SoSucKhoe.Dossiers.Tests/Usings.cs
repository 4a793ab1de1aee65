namespace SoSucKhoe.Dossiers.Tests;
