using System.Globalization;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The gateway's reception time format: yyyyMMddHHmmss in Vietnam time (UTC+7).</summary>
public static class GatewayReceiptTime
{
    /// <summary>The format of thoiGianTiepNhan.</summary>
    public const string Format = "yyyyMMddHHmmss";

    /// <summary>Vietnam's offset from UTC (no daylight saving).</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Reads a thoiGianTiepNhan value; null when it is missing or not in the format.</summary>
    public static DateTimeOffset? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamOffset);
    }

    /// <summary>Writes an instant as thoiGianTiepNhan (converted to UTC+7).</summary>
    public static string Write(DateTimeOffset instant) =>
        instant.ToOffset(VietnamOffset).ToString(Format, CultureInfo.InvariantCulture);
}
