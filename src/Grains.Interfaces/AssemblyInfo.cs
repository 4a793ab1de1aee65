namespace SoSucKhoe;
