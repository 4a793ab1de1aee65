namespace SoSucKhoe.Dossiers;
