namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// Values read from one collection once per committed change of it (its change counter): the
/// service answers the same large read — every escalated review, for each admin's <c>review</c>
/// in chat — many times between two writes of reviews, while the dispatcher writes the outbox all
/// the time. Only read sessions have one: a write's session sees what it has not committed yet.
/// The counter is read before the value, so a write that commits meanwhile only makes the next
/// reader read again. A memoised value may depend on that collection only, and the collection
/// must be written through its repository (which counts the change).
/// </summary>
internal sealed class ReadMemo(Func<string, long> changeCounterOf)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Counter, object Value)> _values = new(StringComparer.Ordinal);

    public T Get<T>(string collection, string key, Func<T> read)
        where T : class
    {
        key = collection + "/" + key;
        var counter = changeCounterOf(collection);
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
