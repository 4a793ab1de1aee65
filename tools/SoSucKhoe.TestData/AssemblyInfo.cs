namespace SoSucKhoe.TestData;
