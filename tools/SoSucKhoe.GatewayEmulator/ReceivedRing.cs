namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// The last N received items, numbered by arrival. Numbers are handed out under the same lock that stores the item, so the ring
/// is always in arrival order and <see cref="After"/> is a direct index computation.
/// </summary>
internal sealed class ReceivedRing(int capacity)
{
    private readonly ReceivedItem?[] _items = new ReceivedItem?[Math.Max(0, capacity)];
    private readonly Lock _gate = new();
    private long _last;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return (int)Math.Min(_last, _items.Length);
            }
        }
    }

    public ReceivedItem Add<TState>(Func<long, TState, ReceivedItem> create, TState state)
    {
        lock (_gate)
        {
            var sequence = ++_last;
            var item = create(sequence, state);
            if (_items.Length > 0)
            {
                _items[(sequence - 1) % _items.Length] = item;
            }

            return item;
        }
    }

    /// <summary>Up to <paramref name="limit"/> retained items numbered above <paramref name="after"/>, oldest first.</summary>
    public List<ReceivedItem> After(long after, int limit)
    {
        var result = new List<ReceivedItem>(Math.Min(limit, 1024));
        lock (_gate)
        {
            if (_items.Length == 0)
            {
                return result;
            }

            var oldest = Math.Max(1, _last - _items.Length + 1);
            for (var sequence = Math.Max(after + 1, oldest); sequence <= _last && result.Count < limit; sequence++)
            {
                result.Add(_items[(sequence - 1) % _items.Length]!);
            }
        }

        return result;
    }
}
