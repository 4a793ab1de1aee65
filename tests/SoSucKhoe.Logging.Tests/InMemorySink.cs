using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Formatting;

namespace SoSucKhoe.Logging.Tests;

/// <summary>Keeps every event, and the text of every event as rendered by an optional formatter.</summary>
internal sealed class InMemorySink(ITextFormatter? formatter = null) : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Text => string.Concat(_lines);

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        if (formatter is not null)
        {
            using var writer = new StringWriter();
            formatter.Format(logEvent, writer);
            _lines.Enqueue(writer.ToString());
        }
    }
}
