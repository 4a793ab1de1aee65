using System.Buffers;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// The last line of defence: renders a log event through <paramref name="inner"/> into a buffer, masks every identifier in the whole
/// output (message, properties, exception messages and stack traces) with <see cref="PersonalDataMasker"/>, and only then writes it.
/// Wrap the formatter of every sink.
/// </summary>
/// <remarks>
/// Masking is length-preserving and only replaces letters and digits by <c>*</c>, so JSON stays well-formed as long as identifier-shaped
/// numbers were turned into strings first (the <see cref="PersonalDataEnricher"/> does that).
/// </remarks>
public sealed class MaskingFormatter(ITextFormatter inner) : ITextFormatter
{
    private const int MaxRetainedCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? cachedBuffer;

    private readonly ITextFormatter _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        // Take the thread's buffer out while in use: a nested MaskingFormatter on the same thread gets its own.
        var buffer = cachedBuffer ?? new StringBuilder(1024);
        cachedBuffer = null;
        try
        {
            using (var writer = new StringWriter(buffer, output.FormatProvider))
            {
                _inner.Format(logEvent, writer);
            }

            var length = buffer.Length;
            var rented = ArrayPool<char>.Shared.Rent(length);
            try
            {
                var text = rented.AsSpan(0, length);
                buffer.CopyTo(0, text, length);
                PersonalDataMasker.MaskInPlace(text);
                output.Write(text);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
        finally
        {
            buffer.Clear();
            if (buffer.Capacity <= MaxRetainedCapacity)
            {
                cachedBuffer = buffer;
            }
        }
    }
}
