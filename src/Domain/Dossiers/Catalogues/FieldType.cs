namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>The data type column of the field catalogue.</summary>
public enum FieldType
{
    String = 0,
    Number = 1,
}
