using System.Globalization;
using System.Numerics;
using System.Text;
using Serilog.Events;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// Masks Serilog property values: by the kind a property name denotes, and, for everything else, every string (and every
/// identifier-shaped number) anywhere in scalars, structures, sequences and dictionaries. Unchanged values are returned as the same
/// instance, so callers can detect "nothing to do" by reference.
/// </summary>
public static class PersonalDataValues
{
    /// <summary>What an address becomes.</summary>
    public const string MaskedAddress = "(masked address)";

    /// <summary>What a name becomes when it is not text (a structure, a number).</summary>
    public const string MaskedName = "(masked name)";

    /// <summary>Masks the value of a property called <paramref name="name"/>.</summary>
    public static LogEventPropertyValue MaskProperty(string name, LogEventPropertyValue value, bool inPersonStructure = false)
    {
        var kind = PersonalDataNames.Classify(name, inPersonStructure);
        return kind == PersonalDataKind.None
            ? Rewrite(value, PersonalDataNames.IsDateName(name))
            : MaskByKind(kind, value);
    }

    /// <summary>Runs every string inside <paramref name="value"/> through <see cref="PersonalDataMasker"/>; masks nested properties by name.</summary>
    public static LogEventPropertyValue Rewrite(LogEventPropertyValue value, bool keepDates = false) => value switch
    {
        ScalarValue scalar => RewriteScalar(scalar, keepDates),
        StructureValue structure => RewriteStructure(structure),
        SequenceValue sequence => RewriteSequence(sequence, element => Rewrite(element, keepDates)),
        DictionaryValue dictionary => RewriteDictionary(dictionary, kind: null),
        _ => value,
    };

    /// <summary>Masks a value whose name says it is personal data of <paramref name="kind"/>.</summary>
    public static LogEventPropertyValue MaskByKind(PersonalDataKind kind, LogEventPropertyValue value)
    {
        if (kind == PersonalDataKind.None)
        {
            return Rewrite(value);
        }

        switch (value)
        {
            case ScalarValue { Value: null }:
                return value;
            case ScalarValue scalar:
                var masked = MaskScalar(kind, scalar.Value);
                return masked is string text && scalar.Value is string original && string.Equals(text, original, StringComparison.Ordinal)
                    ? value
                    : new ScalarValue(masked);
            case SequenceValue sequence:
                return RewriteSequence(sequence, element => MaskByKind(kind, element));
            case StructureValue or DictionaryValue when kind is PersonalDataKind.Name:
                return new ScalarValue(MaskedName);
            case StructureValue or DictionaryValue when kind is PersonalDataKind.Address:
                return new ScalarValue(MaskedAddress);
            case StructureValue structure:
                return RewriteStructure(structure, kind);
            case DictionaryValue dictionary:
                return RewriteDictionary(dictionary, kind);
            default:
                return value;
        }
    }

    /// <summary>Masks one raw value of <paramref name="kind"/>; returns a string (or null for null).</summary>
    public static string? MaskScalar(PersonalDataKind kind, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (kind == PersonalDataKind.BirthDate && value is DateTime or DateTimeOffset or DateOnly)
        {
            var year = value switch
            {
                DateTime dateTime => dateTime.Year,
                DateTimeOffset offset => offset.Year,
                _ => ((DateOnly)value).Year,
            };
            return year.ToString("D4", CultureInfo.InvariantCulture) + "-**-**";
        }

        var text = value is IFormattable formattable
            ? formattable.ToString(null, CultureInfo.InvariantCulture)
            : value.ToString() ?? string.Empty;
        return kind switch
        {
            PersonalDataKind.Name => Initials(text),
            // A network address ("http://127.0.0.1:5080", Kestrel's "Now listening on: {address}") is not a postal one.
            PersonalDataKind.Address when Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" => text,
            PersonalDataKind.Address => text.Length == 0 ? text : MaskedAddress,
            PersonalDataKind.Email => MaskEmail(text),
            PersonalDataKind.BirthDate => KeepYear(text),
            _ => MaskIdentifier(text),
        };
    }

    /// <summary>Initials of a name: "Nguyễn Văn A" → "N. V. A.".</summary>
    public static string Initials(string name)
    {
        var builder = new StringBuilder(name.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(name);
        var atWordStart = true;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (string.IsNullOrWhiteSpace(element) || element is "." or "," or "-")
            {
                atWordStart = true;
                continue;
            }

            if (atWordStart)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(element.ToUpperInvariant()).Append('.');
                atWordStart = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>An identifier: known shapes through <see cref="PersonalDataMasker"/>, anything else all but its last 2 characters.</summary>
    private static string MaskIdentifier(string text)
    {
        var masked = PersonalDataMasker.Mask(text);
        if (!ReferenceEquals(masked, text) || text.Length == 0 || text.Contains('*', StringComparison.Ordinal))
        {
            return masked;
        }

        // Unknown shape (a foreign passport, an e-ID account code): keep a namespace such as "passport:" and the last 2 characters.
        var valueStart = text.LastIndexOfAny([':', '/']) + 1;
        var valueLength = text.Length - valueStart;
        var tail = valueLength >= 6 ? 2 : 0;
        return string.Create(text.Length, (text, valueStart, tail), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.valueStart; i < span.Length - state.tail; i++)
            {
                if (!char.IsWhiteSpace(span[i]))
                {
                    span[i] = '*';
                }
            }
        });
    }

    private static string MaskEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return MaskIdentifier(text);
        }

        return string.Create(text.Length, (text, at), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = 1; i < state.at; i++)
            {
                if (char.IsLetterOrDigit(span[i]))
                {
                    span[i] = '*';
                }
            }
        });
    }

    private static string KeepYear(string text)
    {
        var keep = text.Length >= 4 && text.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9') is false ? 4 : 0;
        return string.Create(text.Length, (text, keep), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.keep; i < span.Length; i++)
            {
                if (char.IsAsciiLetterOrDigit(span[i]))
                {
                    span[i] = '*';
                }
            }
        });
    }

    private static ScalarValue RewriteScalar(ScalarValue scalar, bool keepDates)
    {
        switch (scalar.Value)
        {
            case null:
                return scalar;
            case string text:
                var masked = PersonalDataMasker.Mask(text, keepDates);
                return ReferenceEquals(masked, text) ? scalar : new ScalarValue(masked);
            case bool or char or byte or sbyte or short or ushort or Half or Guid or DateTime or DateTimeOffset or DateOnly or TimeOnly
                or TimeSpan or Enum:
                return scalar;
            case int or uint or long or ulong or decimal or double or float or BigInteger or Int128 or UInt128 or nint or nuint:
                return RewriteNumber(scalar);
            default:
                return RewriteOther(scalar);
        }
    }

    /// <summary>Identifier-shaped numbers (9-12 digits) become masked strings: a personal ID typed as a number lost nothing else.</summary>
    private static ScalarValue RewriteNumber(ScalarValue scalar)
    {
        var text = ((IFormattable)scalar.Value!).ToString(null, CultureInfo.InvariantCulture);
        if (text.Length < 9)
        {
            return scalar;
        }

        var masked = PersonalDataMasker.Mask(text);
        return ReferenceEquals(masked, text) ? scalar : new ScalarValue(masked);
    }

    /// <summary>Any other object is rendered by its ToString(): when that carries an identifier, the masked text replaces it.</summary>
    private static ScalarValue RewriteOther(ScalarValue scalar)
    {
        string? text;
        try
        {
            text = scalar.Value is IFormattable formattable
                ? formattable.ToString(null, CultureInfo.InvariantCulture)
                : scalar.Value!.ToString();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new ScalarValue("(unrenderable " + scalar.Value!.GetType().Name + ")");
        }

        if (text is null)
        {
            return scalar;
        }

        var masked = PersonalDataMasker.Mask(text);
        return ReferenceEquals(masked, text) ? scalar : new ScalarValue(masked);
    }

    private static StructureValue RewriteStructure(StructureValue structure, PersonalDataKind? kind = null)
    {
        var person = PersonalDataNames.IsPersonType(structure.TypeTag);
        LogEventProperty[]? rewritten = null;
        var properties = structure.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var value = kind is { } inherited
                ? MaskByKind(inherited, property.Value)
                : MaskProperty(property.Name, property.Value, person);
            if (ReferenceEquals(value, property.Value))
            {
                continue;
            }

            rewritten ??= [.. properties];
            rewritten[i] = new LogEventProperty(property.Name, value);
        }

        return rewritten is null ? structure : new StructureValue(rewritten, structure.TypeTag);
    }

    private static SequenceValue RewriteSequence(SequenceValue sequence, Func<LogEventPropertyValue, LogEventPropertyValue> rewrite)
    {
        LogEventPropertyValue[]? rewritten = null;
        var elements = sequence.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            var value = rewrite(elements[i]);
            if (ReferenceEquals(value, elements[i]))
            {
                continue;
            }

            rewritten ??= [.. elements];
            rewritten[i] = value;
        }

        return rewritten is null ? sequence : new SequenceValue(rewritten);
    }

    private static DictionaryValue RewriteDictionary(DictionaryValue dictionary, PersonalDataKind? kind)
    {
        var changed = false;
        var entries = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
        foreach (var (key, value) in dictionary.Elements)
        {
            var newKey = RewriteScalar(key, keepDates: false);
            var newValue = kind is { } inherited
                ? MaskByKind(inherited, value)
                : key.Value is string name ? MaskProperty(name, value) : Rewrite(value);
            changed |= !ReferenceEquals(newKey, key) || !ReferenceEquals(newValue, value);
            entries.Add(new(newKey, newValue));
        }

        if (!changed)
        {
            return dictionary;
        }

        // Two identifiers can mask to the same text; keys must stay unique.
        var seen = new HashSet<ScalarValue>();
        for (var i = 0; i < entries.Count; i++)
        {
            var key = entries[i].Key;
            for (var n = 2; !seen.Add(key); n++)
            {
                key = new ScalarValue(entries[i].Key.Value + " (" + n.ToString(CultureInfo.InvariantCulture) + ")");
            }

            entries[i] = new(key, entries[i].Value);
        }

        return new DictionaryValue(entries);
    }
}
