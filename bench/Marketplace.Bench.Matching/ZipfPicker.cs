namespace Marketplace.Bench.Matching;

/// <summary>
/// Picks items with Zipf-like frequencies (weight 1/rank^exponent over a seeded shuffle), so that, as in
/// real text, a few sentences and words are very common and many are rare. Without the shuffle the
/// given order is the rank order.
/// </summary>
internal sealed class ZipfPicker<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;
    private readonly Random _random;

    public ZipfPicker(IEnumerable<T> items, double exponent, Random random, bool shuffle = true)
    {
        _random = random;
        _items = items.ToArray();
        if (_items.Length == 0)
        {
            throw new ArgumentException("Nothing to pick from.", nameof(items));
        }
        if (shuffle)
        {
            random.Shuffle(_items);
        }
        _cumulative = new double[_items.Length];
        var sum = 0.0;
        for (var i = 0; i < _items.Length; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = sum;
        }
    }

    public int Count => _items.Length;

    public T Next()
    {
        var x = _random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, x);
        return _items[Math.Min(index < 0 ? ~index : index, _items.Length - 1)];
    }

    /// <summary>Up to <paramref name="count"/> different items.</summary>
    public List<T> NextDistinct(int count)
    {
        var picked = new List<T>(count);
        for (var attempts = 0; picked.Count < Math.Min(count, _items.Length) && attempts < count * 50; attempts++)
        {
            var item = Next();
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }
        return picked;
    }
}
