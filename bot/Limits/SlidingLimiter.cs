namespace McsOps.Bot.Limits;

/// <summary>
/// At most <see cref="Limit"/> counted events per key in any <see cref="Window"/> (a sliding
/// window of the events' times, on an injected clock). A refused event is not counted, so a key is
/// let in again as soon as its oldest counted event leaves the window. The first refusal of a
/// lockout says so (<see cref="LimitVerdict.LockedOut"/>), the following ones do not, so that a
/// lockout is audited once, not per refused request. Keys without events in the window are
/// dropped once a window, so a flood of keys (addresses) does not grow the memory for ever.
/// </summary>
internal sealed class SlidingLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <summary>Counts one event unless the key is over the limit.</summary>
    public LimitVerdict Hit(string key) => Decide(key, count: true);

    /// <summary>Whether the key is over the limit now, without counting anything (for events counted only when they fail).</summary>
    public LimitVerdict Check(string key) => Decide(key, count: false);

    /// <summary>Counts one event whatever the count (a failure that happened).</summary>
    public void Count(string key)
    {
        lock (_gate)
        {
            var (entry, now) = Current(key);
            entry.Times.Enqueue(now);
        }
    }

    private LimitVerdict Decide(string key, bool count)
    {
        lock (_gate)
        {
            var (entry, now) = Current(key);
            if (entry.Times.Count < limit)
            {
                if (count)
                {
                    entry.Times.Enqueue(now);
                }

                entry.Locked = false;
                return LimitVerdict.Allowed;
            }

            if (entry.Locked)
            {
                return LimitVerdict.Refused;
            }

            entry.Locked = true;
            return LimitVerdict.LockedOut;
        }
    }

    private (Entry Entry, DateTimeOffset Now) Current(string key)
    {
        var now = time.GetUtcNow();
        if (now >= _nextPrune)
        {
            foreach (var (k, e) in _entries)
            {
                Expire(e, now);
                if (e.Times.Count == 0 && !e.Locked)
                {
                    _entries.Remove(k);
                }
            }

            _nextPrune = now + window;
        }

        if (!_entries.TryGetValue(key, out var entry))
        {
            _entries[key] = entry = new Entry();
        }

        Expire(entry, now);
        return (entry, now);
    }

    private void Expire(Entry entry, DateTimeOffset now)
    {
        while (entry.Times.Count > 0 && entry.Times.Peek() <= now - window)
        {
            entry.Times.Dequeue();
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public bool Locked { get; set; }
    }
}
