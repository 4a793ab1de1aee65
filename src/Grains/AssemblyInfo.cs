namespace SoSucKhoe.Grains;
