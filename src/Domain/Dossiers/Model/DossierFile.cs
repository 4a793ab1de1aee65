namespace SoSucKhoe.Dossiers.Model;

/// <summary>One FILEHOSO of the envelope: its table code and the exact decoded bytes of NOIDUNGFILE.</summary>
/// <param name="LoaiHoSo">The table code, normalised to upper case ("XML1" …).</param>
/// <param name="Content">The decoded inner XML document, byte for byte.</param>
public sealed record DossierFile(string LoaiHoSo, ReadOnlyMemory<byte> Content);
