using System.Text.Json;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The JSON answer of a data call: maKetQua, maGiaoDich, thoiGianTiepNhan, thongDiep.</summary>
internal sealed record GatewayAnswer(string? MaKetQua, string? MaGiaoDich, string? ThoiGianTiepNhan, string? ThongDiep)
{
    /// <summary>Reads an answer; null when the body is not a JSON object.</summary>
    public static GatewayAnswer? TryParse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new GatewayAnswer(
                GatewayJson.GetString(root, "maKetQua"),
                GatewayJson.GetString(root, "maGiaoDich"),
                GatewayJson.GetString(root, "thoiGianTiepNhan"),
                GatewayJson.GetString(root, "thongDiep"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
