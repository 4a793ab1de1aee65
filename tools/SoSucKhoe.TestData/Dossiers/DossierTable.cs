namespace SoSucKhoe.TestData;

/// <summary>One FILEHOSO of the envelope: LOAIHOSO (e.g. "XML1") and the UTF-8 bytes of the inner table.</summary>
public sealed record DossierTable(string Type, byte[] Content)
{
    public string ContentText => System.Text.Encoding.UTF8.GetString(Content);
}
