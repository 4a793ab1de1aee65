using System.Collections;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>An ordered, editable list of field name/value pairs (one table record).</summary>
internal sealed class FieldList : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public string this[string name]
    {
        get => _items.First(i => i.Key == name).Value;
        set
        {
            var index = _items.FindIndex(i => i.Key == name);
            if (index >= 0)
            {
                _items[index] = new(name, value);
            }
            else
            {
                _items.Add(new(name, value));
            }
        }
    }

    public void Add(string name, string value) => this[name] = value;

    public FieldList Remove(string name)
    {
        _items.RemoveAll(i => i.Key == name);
        return this;
    }

    public FieldList With(string name, string value)
    {
        this[name] = value;
        return this;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
