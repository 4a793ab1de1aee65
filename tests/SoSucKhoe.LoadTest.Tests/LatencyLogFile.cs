using System.Globalization;
using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>A latency log read back the way an analyst's script would read it: comment lines, the header, then the lines.</summary>
internal sealed record LatencyLogFile(DateTimeOffset StartUtc, IReadOnlyList<string> Comments, IReadOnlyList<LatencyLogFile.Line> Lines)
{
    public static LatencyLogFile Parse(string text)
    {
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static r => r.TrimEnd('\r')).ToList();
        var comments = rows.TakeWhile(static r => r.StartsWith('#')).ToList();
        Assert.StartsWith("# run_start_utc=", comments[0], StringComparison.Ordinal);
        var start = DateTimeOffset.Parse(comments[0]["# run_start_utc=".Length..].Split(' ')[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(LatencyLog.Header, rows[comments.Count]);
        var lines = rows.Skip(comments.Count + 1).Select(static row =>
        {
            var f = row.Split(',');
            Assert.Equal(14, f.Length);
            return new Line(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), Optional(f[2]), Number(f[3]), Number(f[4]), Number(f[5]), f[6], f[7], f[8],
                int.Parse(f[9], CultureInfo.InvariantCulture), Optional(f[10]), row)
            {
                MaLk = f[11],
                Version = f[12].Length == 0 ? null : int.Parse(f[12], CultureInfo.InvariantCulture),
                Sha256 = f[13],
            };
        }).ToList();
        return new LatencyLogFile(start, comments, lines);
    }

    private static double Number(string text)
    {
        // Milliseconds with exactly three decimals: microsecond precision.
        Assert.Matches(@"^-?\d+\.\d{3}$", text);
        return double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static double? Optional(string text) => text.Length == 0 ? null : Number(text);

    public sealed record Line(
        string Phase, int Index, double? ScheduledMs, double SentMs, double CompletedMs, double LatencyMs, string Status, string Kind,
        string Facility, int DossierBytes, double? CheckInMs, string Raw)
    {
        public string MaLk { get; init; } = string.Empty;

        public int? Version { get; init; }

        public string Sha256 { get; init; } = string.Empty;
    }
}
