using System.Globalization;
using System.Security;
using System.Text;
using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>
/// Draws the latency-over-time chart as a self-contained SVG: the upper panel shows p50, p99 and max latency per interval on a
/// logarithmic millisecond scale with the 100 ms target line; the lower panel accepted/s (and, when polled, dossiers the gateway
/// acknowledged per second). Long runs are merged into at most <see cref="MaxPoints"/> buckets (p50 averaged, p99 and max the
/// highest, rates over the bucket), so that a soak of hours stays readable.
/// </summary>
public static class LatencyChart
{
    public const int MaxPoints = 600;
    private const double Width = 960;
    private const double Left = 70;
    private const double Right = 20;
    private const double PlotWidth = Width - Left - Right;
    private const double TopY = 40;
    private const double TopHeight = 250;
    private const double BottomY = TopY + TopHeight + 60;
    private const double BottomHeight = 150;
    private const double Height = BottomY + BottomHeight + 60;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Merges consecutive samples so that there are at most <paramref name="maxPoints"/>.</summary>
    public static IReadOnlyList<TimeSample> Downsample(IReadOnlyList<TimeSample> samples, int maxPoints = MaxPoints)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPoints);
        if (samples.Count <= maxPoints)
        {
            return samples;
        }

        var size = (int)Math.Ceiling(samples.Count / (double)maxPoints);
        return [.. samples.Chunk(size).Select(static chunk => new TimeSample(
            chunk[^1].AtSeconds,
            chunk.Sum(static s => s.LengthSeconds),
            chunk.Sum(static s => s.Accepted),
            chunk.Sum(static s => s.Failed),
            Math.Round(chunk.Average(static s => s.P50Ms), 3),
            chunk.Max(static s => s.P99Ms),
            chunk.Max(static s => s.MaxMs))
        {
            GatewayAcknowledged = chunk.Any(static s => s.GatewayAcknowledged is not null) ? chunk.Sum(static s => s.GatewayAcknowledged ?? 0) : null,
        })];
    }

    /// <summary>The SVG document for <paramref name="samples"/> (an empty chart with a note when there are none).</summary>
    public static string ToSvg(IReadOnlyList<TimeSample> samples, string title)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var points = Downsample(samples);
        var svg = new StringBuilder();
        svg.AppendLine(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine(C, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.AppendLine(C, $"<text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>");
        if (points.Count == 0)
        {
            svg.AppendLine(C, $"<text x=\"{Left}\" y=\"{TopY + 30}\">no samples</text>").AppendLine("</svg>");
            return svg.ToString();
        }

        var t0 = points[0].AtSeconds - points[0].LengthSeconds;
        var t1 = Math.Max(points[^1].AtSeconds, t0 + 1);
        double X(double at) => Left + ((at - t0) / (t1 - t0) * PlotWidth);

        // Upper panel: latency, log scale from 1 ms to the next power of ten above the highest max.
        var highest = Math.Max(100, points.Max(static p => p.MaxMs));
        var decades = (int)Math.Ceiling(Math.Log10(highest));
        double YLatency(double ms) => TopY + TopHeight - (Math.Log10(Math.Clamp(ms, 1, Math.Pow(10, decades))) / decades * TopHeight);
        Frame(svg, TopY, TopHeight, "latency (ms, log scale)");
        for (var d = 0; d <= decades; d++)
        {
            var y = YLatency(Math.Pow(10, d));
            svg.AppendLine(C, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + PlotWidth}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>");
            svg.AppendLine(C, $"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{Math.Pow(10, d):0}</text>");
        }

        var target = YLatency(100);
        svg.AppendLine(C, $"<line x1=\"{Left}\" y1=\"{target:F1}\" x2=\"{Left + PlotWidth}\" y2=\"{target:F1}\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>");
        svg.AppendLine(C, $"<text x=\"{Left + PlotWidth - 4}\" y=\"{target - 4:F1}\" text-anchor=\"end\" fill=\"#c00\">p99 target 100 ms</text>");
        var withCalls = points.Where(static p => p.Accepted + p.Failed > 0).ToList();
        Line(svg, withCalls.Select(p => (X(p.AtSeconds), YLatency(p.MaxMs))), "#999");
        Line(svg, withCalls.Select(p => (X(p.AtSeconds), YLatency(p.P99Ms))), "#d62728");
        Line(svg, withCalls.Select(p => (X(p.AtSeconds), YLatency(p.P50Ms))), "#1f77b4");
        Legend(svg, TopY - 8, [("p50", "#1f77b4"), ("p99", "#d62728"), ("max", "#999")]);

        // Lower panel: rates.
        var hasGateway = points.Any(static p => p.GatewayAcknowledged is not null);
        var topRate = Math.Max(1, points.Max(p => Math.Max(p.AcceptedPerSecond, hasGateway ? Rate(p) : 0)));
        var scale = NiceCeiling(topRate);
        double YRate(double perSecond) => BottomY + BottomHeight - (perSecond / scale * BottomHeight);
        Frame(svg, BottomY, BottomHeight, "per second");
        for (var i = 0; i <= 4; i++)
        {
            var value = scale * i / 4;
            var y = YRate(value);
            svg.AppendLine(C, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + PlotWidth}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>");
            svg.AppendLine(C, $"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{value:0.#}</text>");
        }

        if (hasGateway)
        {
            Line(svg, points.Where(static p => p.GatewayAcknowledged is not null).Select(p => (X(p.AtSeconds), YRate(Rate(p)))), "#ff7f0e");
        }

        Line(svg, points.Select(p => (X(p.AtSeconds), YRate(p.AcceptedPerSecond))), "#2ca02c");
        Legend(svg, BottomY - 8, hasGateway ? [("accepted/s", "#2ca02c"), ("gateway acknowledged/s", "#ff7f0e")] : [("accepted/s", "#2ca02c")]);

        // Time axis under the lower panel.
        var minutes = t1 - t0 > 600;
        for (var i = 0; i <= 10; i++)
        {
            var at = t0 + ((t1 - t0) * i / 10);
            var x = X(at);
            svg.AppendLine(C, $"<line x1=\"{x:F1}\" y1=\"{BottomY + BottomHeight}\" x2=\"{x:F1}\" y2=\"{BottomY + BottomHeight + 4}\" stroke=\"#333\"/>");
            svg.AppendLine(C, $"<text x=\"{x:F1}\" y=\"{BottomY + BottomHeight + 18}\" text-anchor=\"middle\">{(minutes ? at / 60 : at):0.#}</text>");
        }

        svg.AppendLine(C, $"<text x=\"{Left + (PlotWidth / 2)}\" y=\"{Height - 14}\" text-anchor=\"middle\">time since start ({(minutes ? "min" : "s")})</text>");
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>The smallest 1, 2 or 5 × 10^n at or above <paramref name="value"/>.</summary>
    public static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(value, 1e-9))));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * power >= value - 1e-9)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static double Rate(TimeSample sample) =>
        sample.LengthSeconds <= 0 ? 0 : (sample.GatewayAcknowledged ?? 0) / sample.LengthSeconds;

    private static void Frame(StringBuilder svg, double y, double height, string label)
    {
        svg.AppendLine(C, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{PlotWidth}\" height=\"{height}\" fill=\"none\" stroke=\"#333\"/>");
        svg.AppendLine(C, $"<text x=\"14\" y=\"{y + (height / 2):F1}\" transform=\"rotate(-90 14 {y + (height / 2):F1})\" text-anchor=\"middle\">{label}</text>");
    }

    private static void Line(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour)
    {
        var text = string.Join(' ', points.Select(static p => string.Create(C, $"{p.X:F1},{p.Y:F1}")));
        if (text.Length > 0)
        {
            svg.AppendLine(C, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{text}\"/>");
        }
    }

    private static void Legend(StringBuilder svg, double y, (string Label, string Colour)[] entries)
    {
        var x = Left + 200;
        foreach (var (label, colour) in entries)
        {
            svg.AppendLine(C, $"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 18}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"3\"/>");
            svg.AppendLine(C, $"<text x=\"{x + 22}\" y=\"{y}\">{label}</text>");
            x += 40 + (label.Length * 7);
        }
    }
}
