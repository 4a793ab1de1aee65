using System.Collections.Concurrent;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// Small ids for a few distinct names (facility codes, status names), so that per-request records hold a number instead of a
/// reference. Looking up a known name allocates nothing; thread-safe.
/// </summary>
internal sealed class NameTable
{
    private readonly ConcurrentDictionary<string, short> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly Lock _gate = new();

    /// <summary>The id of <paramref name="name"/> (added on first sight), or -1 for null or when the table is full.</summary>
    public short Id(string? name)
    {
        if (name is null)
        {
            return -1;
        }

        if (_ids.TryGetValue(name, out var id))
        {
            return id;
        }

        lock (_gate)
        {
            if (_ids.TryGetValue(name, out id))
            {
                return id;
            }

            if (_names.Count >= short.MaxValue)
            {
                return -1;
            }

            id = (short)_names.Count;
            _names.Add(name);
            _ids[name] = id;
            return id;
        }
    }

    /// <summary>The name of <paramref name="id"/>, or an empty string for -1.</summary>
    public string Name(short id)
    {
        if (id < 0)
        {
            return string.Empty;
        }

        lock (_gate)
        {
            return _names[id];
        }
    }
}
