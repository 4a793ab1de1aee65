using System.Globalization;
using System.Text;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// Writes the semiannual report (QĐ 2733 Appendix 01 Art. 8) as CSV for spreadsheet users: UTF-8 with a byte-order mark (so that
/// Excel reads the Vietnamese names right), CRLF line ends, a header of column codes, facility lines ordered by code, then the
/// total lines with an empty facility code and the name "Tổng cộng". Each facility line ends with its commune of today and its
/// (former) district, code and name, so that a spreadsheet can sum by either.
/// </summary>
public static class SemiannualCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "ma_cskcb,ten_co_so,ma_loai_hinh,loai_hinh,co_bhyt,so_luot_kcb,so_luot_lien_thong,ma_xa,ten_xa,ma_huyen,ten_huyen";

    /// <summary>The name written on the total lines.</summary>
    public const string TotalName = "Tổng cộng";

    /// <summary>The CSV bytes of a report.</summary>
    public static byte[] Write(SemiannualReport report, AdministrativeUnitNames names)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(names);
        var text = new StringBuilder(128 * (report.Lines.Count + 1));
        text.Append(Header).Append("\r\n");
        foreach (var line in Ordered(report.Lines))
        {
            Append(text, line.FacilityCode ?? string.Empty, line.FacilityCode is null ? TotalName : line.FacilityName ?? string.Empty, line, names);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>The report's order: facilities by code, then the totals; within each, care type then insured before uninsured.</summary>
    public static IEnumerable<SemiannualLine> Ordered(IEnumerable<SemiannualLine> lines) => lines
        .OrderBy(l => l.FacilityCode is null ? 1 : 0)
        .ThenBy(l => l.FacilityCode, StringComparer.Ordinal)
        .ThenBy(l => l.CareType)
        .ThenBy(l => l.Insured ? 0 : 1);

    /// <summary>One cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a formula is
    /// prefixed with an apostrophe.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Append(StringBuilder text, string code, string name, SemiannualLine line, AdministrativeUnitNames names)
    {
        text.Append(Cell(code)).Append(',')
            .Append(Cell(name)).Append(',')
            .Append(((int)line.CareType).ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Cell(MonitoringLabels.CareTypeName(line.CareType))).Append(',')
            .Append(line.Insured ? '1' : '0').Append(',')
            .Append(line.Visits.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(line.Interconnected.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Cell(line.CommuneCode ?? string.Empty)).Append(',')
            .Append(Cell(names.Commune(line.CommuneCode) ?? string.Empty)).Append(',')
            .Append(Cell(line.DistrictCode ?? string.Empty)).Append(',')
            .Append(Cell(names.District(line.DistrictCode) ?? string.Empty)).Append("\r\n");
    }
}
