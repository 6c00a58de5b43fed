namespace McsOps.Bot.Chat.Dispatch;

/// <summary>
/// Sliding windows per pacing key (a conversation, a tenant): the instants of the calls made
/// under each key in the longest window, and how long a 429 holds the key. A call is allowed at
/// <c>t</c> when, for every limit, fewer than <c>Count</c> calls fall in <c>(t − Window, t]</c>;
/// so no interval of one window's length ever holds more than <c>Count</c>. A call is counted
/// when it is chosen and moved to the instant it actually starts (later, when the calls in flight
/// are at their limit), so that the window holds at the platform's end too.
/// </summary>
internal sealed class Pacer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);

    /// <summary>The earliest instant at or after <paramref name="now"/> when a call under every key is allowed.</summary>
    public DateTimeOffset Earliest(IEnumerable<(string Key, IReadOnlyList<PaceLimit> Limits)> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            return EarliestLocked(keys, now);
        }
    }

    private DateTimeOffset EarliestLocked(IEnumerable<(string Key, IReadOnlyList<PaceLimit> Limits)> keys, DateTimeOffset now)
    {
        var at = now;
        foreach (var (key, limits) in keys)
        {
            if (_heldUntil.TryGetValue(key, out var held) && held > at)
            {
                at = held;
            }

            if (!_calls.TryGetValue(key, out var calls))
            {
                continue;
            }

            foreach (var limit in limits)
            {
                // The Count-th most recent call leaves the window at its instant + Window.
                if (calls.Count >= limit.Count)
                {
                    var free = calls[^limit.Count] + limit.Window;
                    if (free > at)
                    {
                        at = free;
                    }
                }
            }
        }

        return at;
    }

    /// <summary>Counts a call at <paramref name="at"/> under each key (instants are recorded in order).</summary>
    public void Record(IEnumerable<(string Key, IReadOnlyList<PaceLimit> Limits)> keys, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            RecordLocked(keys, at);
        }
    }

    /// <summary>A call counted at <paramref name="chosen"/> started at <paramref name="started"/> (not earlier).</summary>
    public void Move(IEnumerable<(string Key, IReadOnlyList<PaceLimit> Limits)> keys, DateTimeOffset chosen, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (started <= chosen)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var (key, _) in keys)
            {
                if (_calls.TryGetValue(key, out var calls) && calls.LastIndexOf(chosen) is var i and >= 0)
                {
                    calls[i] = started;
                    calls.Sort();
                }
            }
        }
    }

    private void RecordLocked(IEnumerable<(string Key, IReadOnlyList<PaceLimit> Limits)> keys, DateTimeOffset at)
    {
        foreach (var (key, limits) in keys)
        {
            if (!_calls.TryGetValue(key, out var calls))
            {
                _calls[key] = calls = [];
            }

            calls.Add(at);
            var keep = limits.Count == 0 ? 0 : limits.Max(l => l.Count);
            if (calls.Count > keep)
            {
                calls.RemoveRange(0, calls.Count - keep);
            }
        }
    }

    /// <summary>A 429: no call under these keys before <paramref name="until"/>.</summary>
    public void Hold(IEnumerable<string> keys, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (!_heldUntil.TryGetValue(key, out var held) || held < until)
                {
                    _heldUntil[key] = until;
                }
            }
        }
    }
}
