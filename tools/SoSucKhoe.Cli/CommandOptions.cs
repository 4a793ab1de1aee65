using System.Globalization;

namespace SoSucKhoe.Cli;

/// <summary>
/// A command's arguments: <c>--name value</c> or <c>--name=value</c> options (some repeatable), <c>--flag</c> switches and
/// positional words. Anything else that starts with a dash is an unknown option, so a typo never passes silently.
/// </summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private CommandOptions()
    {
    }

    /// <summary>The words that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>Reads <paramref name="args"/>; <paramref name="valued"/> take a value, <paramref name="flags"/> do not.</summary>
    public static CommandOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || (arg[1] != '-' && !char.IsAsciiLetter(arg[1])))
            {
                // "-" (standard input) and negative numbers are values, not options.
                options._positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (flags.Contains(name))
            {
                if (equals > 0)
                {
                    throw new UsageException($"{name} takes no value.");
                }

                options._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"{name} needs a value.");
                }

                if (!options._values.TryGetValue(name, out var list))
                {
                    options._values[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option {name}.");
            }
        }

        return options;
    }

    /// <summary>True when the switch was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The value of an option given at most once, or null.</summary>
    public string? Value(string name)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            return null;
        }

        return list.Count == 1 ? list[0] : throw new UsageException($"{name} may be given only once.");
    }

    /// <summary>Every value of a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of a required option.</summary>
    public string Required(string name) =>
        Value(name) is { Length: > 0 } value ? value : throw new UsageException($"{name} is required.");

    /// <summary>A whole number within bounds, or <paramref name="fallback"/> when the option is absent.</summary>
    public int Number(string name, int fallback, int min, int max)
    {
        var text = Value(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
    }

    /// <summary>Fails when more positional words were given than the command takes.</summary>
    public void AtMostPositionals(int count)
    {
        if (_positionals.Count > count)
        {
            throw new UsageException($"unexpected argument '{_positionals[count]}'.");
        }
    }
}
