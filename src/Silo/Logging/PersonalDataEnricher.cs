using Serilog.Core;
using Serilog.Events;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// Rewrites every property of every log event: properties whose names denote personal data are masked by kind (names to initials,
/// addresses to "(masked address)", identifiers masked), and every other string (nested in structures, sequences and dictionaries
/// included) and identifier-shaped number goes through <see cref="PersonalDataMasker"/>. Add it after every other enricher.
/// </summary>
/// <remarks>The message template text and the exception cannot be rewritten here: <see cref="MaskingFormatter"/> covers them.</remarks>
public sealed class PersonalDataEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? changes = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = PersonalDataValues.MaskProperty(name, value);
            if (!ReferenceEquals(masked, value))
            {
                (changes ??= []).Add(new LogEventProperty(name, masked));
            }
        }

        if (changes is null)
        {
            return;
        }

        foreach (var change in changes)
        {
            logEvent.AddOrUpdateProperty(change);
        }
    }
}
