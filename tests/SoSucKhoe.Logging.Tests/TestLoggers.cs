using System.Globalization;
using Serilog.Formatting;

namespace SoSucKhoe.Logging.Tests;

internal static class TestLoggers
{
    /// <summary>A logger configured like the hub: masking policy and enricher, the sink's formatter wrapped.</summary>
    public static Serilog.Core.Logger Create(InMemorySink sink) =>
        new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .UsePersonalDataMasking()
            .WriteTo.Sink(sink)
            .CreateLogger();

    public static (Serilog.Core.Logger Logger, InMemorySink Sink) WithText() => With(PersonalDataLogging.MaskedText(formatProvider: CultureInfo.InvariantCulture));

    public static (Serilog.Core.Logger Logger, InMemorySink Sink) WithJson() => With(PersonalDataLogging.MaskedCompactJson());

    private static (Serilog.Core.Logger, InMemorySink) With(ITextFormatter formatter)
    {
        var sink = new InMemorySink(formatter);
        return (Create(sink), sink);
    }

    public static string Scalar(LogEvent logEvent, string name) =>
        logEvent.Properties[name] is ScalarValue { Value: var value } ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : throw new InvalidOperationException($"{name} is not a scalar");
}
