namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// Values read once per committed state of the store (its change counter): the service answers
/// the same large read — every escalated review, for each admin's <c>review</c> in chat — many
/// times between two writes. Only read sessions have one: a write's session sees what it has not
/// committed yet. The counter is read before the value, so a write that commits meanwhile only
/// makes the next reader read again.
/// </summary>
internal sealed class ReadMemo(Func<long> changeCounter)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Counter, object Value)> _values = new(StringComparer.Ordinal);

    public T Get<T>(string key, Func<T> read)
        where T : class
    {
        var counter = changeCounter();
        lock (_gate)
        {
            if (_values.TryGetValue(key, out var known) && known.Counter == counter)
            {
                return (T)known.Value;
            }
        }

        var value = read();
        lock (_gate)
        {
            _values[key] = (counter, value);
        }

        return value;
    }
}
