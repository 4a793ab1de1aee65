global using SoSucKhoe.Api.Book;
global using SoSucKhoe.Book.Tests.Support;
global using SoSucKhoe.TestData;
