using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace SoSucKhoe.Logging.Tests;

public sealed partial class MaskingFormatterTests
{
    private const string RawId = "070123456789";
    private const string RawCard = "DN4701234567845";

    [Fact]
    public void An_exception_message_carrying_a_grain_id_is_masked_in_text_output()
    {
        var (logger, sink) = TestLoggers.WithText();
        logger.Error(Thrown($"Activation of grain patient/{RawId} failed: card {RawCard} unknown"), "Call to {Method} failed", "SubmitDossier");

        var line = Assert.Single(sink.Lines);
        Assert.Contains("patient/0701******89", line, StringComparison.Ordinal);
        Assert.Contains("card DN470********45", line, StringComparison.Ordinal);
        Assert.Contains("SubmitDossier", line, StringComparison.Ordinal);
        StructuredMaskingTests.AssertNoRawValues(line, RawId, RawCard);
    }

    [Fact]
    public void An_exception_message_carrying_a_grain_id_is_masked_in_json_output_which_stays_valid_json()
    {
        var (logger, sink) = TestLoggers.WithJson();
        logger.Error(Thrown($"Grain sosuckhoe.patient/{RawId} threw; key passport:B1234567"), "Forwarding {Facility} failed", "70001");

        var line = Assert.Single(sink.Lines);
        StructuredMaskingTests.AssertNoRawValues(line, RawId, "B1234567");
        using var json = JsonDocument.Parse(line);
        var exception = json.RootElement.GetProperty("@x").GetString();
        Assert.Contains("sosuckhoe.patient/0701******89", exception, StringComparison.Ordinal);
        Assert.Contains("passport:B*****67", exception, StringComparison.Ordinal);
        Assert.Equal("70001", json.RootElement.GetProperty("Facility").GetString());
    }

    [Fact]
    public void Identifiers_written_into_the_message_template_itself_are_masked()
    {
        var (logger, sink) = TestLoggers.WithJson();
#pragma warning disable CA2254 // Deliberately the mistake this formatter defends against.
        logger.Information("Patient " + RawId + " checked in with " + RawCard);
#pragma warning restore CA2254

        var line = Assert.Single(sink.Lines);
        StructuredMaskingTests.AssertNoRawValues(line, RawId, RawCard);
        Assert.Contains("Patient 0701******89 checked in with DN470********45", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_formatter_masks_output_even_without_the_enricher()
    {
        var formatter = new MaskingFormatter(new CompactJsonFormatter());
        var sink = new InMemorySink(formatter);
        using var bare = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        bare.Information("Book of {Who} read by {Facility}", RawId, "70001");

        var line = Assert.Single(sink.Lines);
        Assert.Contains("\"Who\":\"0701******89\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Facility\":\"70001\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_masking_formatters_do_not_share_a_buffer()
    {
        var sink = new InMemorySink(PersonalDataLogging.MaskedText(formatProvider: CultureInfo.InvariantCulture).Masked().Masked());
        var sinkTwice = new InMemorySink(new MaskingFormatter(new MaskingFormatter(PersonalDataLogging.MaskedText(formatProvider: CultureInfo.InvariantCulture))));
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).WriteTo.Sink(sinkTwice).CreateLogger();
        logger.Information("Key {Key}", "cmnd:285123456");
        logger.Information("Key {Key}", "bhyt:7012345678");

        Assert.Equal(2, sink.Lines.Count);
        Assert.EndsWith(": Key cmnd:*******56" + Environment.NewLine, sink.Lines[0], StringComparison.Ordinal);
        Assert.Equal(sink.Lines, sinkTwice.Lines);
    }

    [Fact]
    public void Microsoft_logging_calls_through_serilog_are_masked_by_property_name_and_content()
    {
        var sink = new InMemorySink(PersonalDataLogging.MaskedCompactJson());
        using var serilog = TestLoggers.Create(sink);
        using var factory = new SerilogLoggerFactory(serilog);
        var logger = factory.CreateLogger("SoSucKhoe.Grains.Patients.PatientGrain");

        using (logger.BeginScope(new Dictionary<string, object> { ["PersonKey"] = "legacy:285123456", ["Caller"] = "his-70001" }))
        {
            LogCheckIn(logger, RawId, "70001", 7);
            LogRefused(logger, new InvalidOperationException($"Episode 70001:LK2025000123 belongs to {RawId}"), "70001");
        }

        Assert.Equal(2, sink.Lines.Count);
        StructuredMaskingTests.AssertNoRawValues(sink.Text, RawId, "285123456");
        var first = sink.Events[0];
        Assert.Equal("0701******89", TestLoggers.Scalar(first, "Person"));
        Assert.Equal("70001", TestLoggers.Scalar(first, "Facility"));
        Assert.Equal("legacy:*******56", TestLoggers.Scalar(first, "PersonKey"));
        Assert.Contains("70001:LK2025000123", sink.Lines[1], StringComparison.Ordinal);
        foreach (var line in sink.Lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in for person {Person} at {Facility}: encounter {Sequence}")]
    private static partial void LogCheckIn(Microsoft.Extensions.Logging.ILogger logger, string person, string facility, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier refused at {Facility}")]
    private static partial void LogRefused(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string facility);

    private static Exception Thrown(string message)
    {
        try
        {
            throw new InvalidOperationException(message);
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }
    }
}
