using System.Text.Json.Serialization;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>The answer of the token service: maKetQua and APIKey, with thongDiep on failure.</summary>
internal sealed record TokenAnswer(
    [property: JsonPropertyName("maKetQua")] string MaKetQua,
    [property: JsonPropertyName("APIKey")] ApiKeyAnswer? ApiKey,
    [property: JsonPropertyName("thongDiep")] string? ThongDiep);

/// <summary>The APIKey object of the token service.</summary>
internal sealed record ApiKeyAnswer(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("id_token")] string IdToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("expires_in")] string ExpiresIn);

/// <summary>The answer of the check-in and dossier services.</summary>
internal sealed record DataAnswer(
    [property: JsonPropertyName("maKetQua")] string MaKetQua,
    [property: JsonPropertyName("maGiaoDich")] string? MaGiaoDich,
    [property: JsonPropertyName("thoiGianTiepNhan")] string? ThoiGianTiepNhan,
    [property: JsonPropertyName("thongDiep")] string ThongDiep);
