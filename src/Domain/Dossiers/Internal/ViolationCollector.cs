namespace SoSucKhoe.Dossiers.Internal;

/// <summary>Collects violations up to a cap; the first one beyond the cap is replaced by one final marker entry.</summary>
internal sealed class ViolationCollector(int cap)
{
    private readonly List<Violation> _items = [];
    private readonly int _cap = Math.Max(1, cap);

    public bool IsFull { get; private set; }

    public int Count => _items.Count;

    public IReadOnlyList<Violation> Items => _items;

    public void Add(string table, string field, string rule, string message)
    {
        if (IsFull)
        {
            return;
        }

        if (_items.Count >= _cap)
        {
            _items.Add(new Violation(table, field, ViolationRules.TooManyViolations,
                $"More than {_cap} violations were found; the remaining ones were not reported."));
            IsFull = true;
            return;
        }

        _items.Add(new Violation(table, field, rule, message));
    }

    public void AddRange(IEnumerable<Violation> violations)
    {
        foreach (var v in violations)
        {
            Add(v.Table, v.Field, v.Rule, v.Message);
        }
    }

    public IReadOnlyList<Violation> ToList() => _items.ToArray();
}
