namespace SoSucKhoe.TestData;

/// <summary>
/// Header values of the GIAMDINHHS envelope. A null value omits the element (for negative tests).
/// </summary>
public sealed record EnvelopeHeader(string? MaCskcb, string? NgayLap, string? SoLuongHoSo);
