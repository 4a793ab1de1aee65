using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// Wires personal-data masking into Serilog (Decree 13/2023: health data are sensitive personal data). Three layers, none relying on
/// the discipline of whoever writes a log call:
/// <list type="number">
/// <item><see cref="PersonalDataDestructuringPolicy"/>: <c>{@Object}</c> never captures raw personal properties.</item>
/// <item><see cref="PersonalDataEnricher"/>: every property of every event is masked by name and by content.</item>
/// <item><see cref="MaskingFormatter"/> around every sink's formatter: message text, exceptions and anything else rendered.</item>
/// </list>
/// </summary>
/// <example>
/// <code>
/// logger.ReadFrom.Configuration(configuration)
///     .Enrich.FromLogContext()
///     .UsePersonalDataMasking()
///     .WriteTo.Console(PersonalDataLogging.MaskedCompactJson());   // or PersonalDataLogging.MaskedText()
/// </code>
/// Sinks configured elsewhere (e.g. a "WriteTo" section in appsettings) must also get a <see cref="MaskingFormatter"/>.
/// </example>
public static class PersonalDataLogging
{
    /// <summary>The hub's console template.</summary>
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Adds the destructuring policy and the enricher. Call it after every other <c>Enrich</c>, so it sees their properties.</summary>
    public static LoggerConfiguration UsePersonalDataMasking(this LoggerConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Destructure.With(new PersonalDataDestructuringPolicy());
        configuration.Enrich.With(new PersonalDataEnricher());
        return configuration;
    }

    /// <summary>A plain-text formatter (<see cref="MessageTemplateTextFormatter"/>) whose output is masked.</summary>
    public static ITextFormatter MaskedText(string outputTemplate = TextTemplate, IFormatProvider? formatProvider = null) =>
        new MaskingFormatter(new MessageTemplateTextFormatter(outputTemplate, formatProvider));

    /// <summary>A compact JSON formatter (<see cref="CompactJsonFormatter"/>) whose output is masked.</summary>
    public static ITextFormatter MaskedCompactJson() => new MaskingFormatter(new CompactJsonFormatter());

    /// <summary>Wraps any formatter so that its output is masked.</summary>
    public static ITextFormatter Masked(this ITextFormatter formatter) =>
        formatter as MaskingFormatter ?? new MaskingFormatter(formatter);
}
