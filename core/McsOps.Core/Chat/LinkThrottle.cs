namespace McsOps.Core;

/// <summary>
/// <c>link</c> tries per chat user: at most <see cref="MaxFailures"/> wrong or expired codes in
/// any hour, then refused until the oldest is an hour old. A try counts as it begins (two at once
/// cannot both slip under the limit) and is forgiven when the code was right. In memory: a restart
/// forgets, which a code space of 32^8 makes harmless.
/// </summary>
internal sealed class LinkThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Dictionary<(Channel, string), List<DateTimeOffset>> _tries = [];
    private readonly Lock _gate = new();

    /// <summary>Counts a try unless the user has used up the hour's; false when refused.</summary>
    public bool TryBegin(Channel platform, string user, out DateTimeOffset began)
    {
        var now = time.GetUtcNow();
        began = now;
        lock (_gate)
        {
            foreach (var key in _tries.Keys.ToList())
            {
                var list = _tries[key];
                list.RemoveAll(t => t <= now - Window);
                if (list.Count == 0)
                {
                    _tries.Remove(key);
                }
            }

            var tries = _tries.TryGetValue((platform, user), out var found) ? found : _tries[(platform, user)] = [];
            if (tries.Count >= MaxFailures)
            {
                return false;
            }

            tries.Add(now);
            return true;
        }
    }

    /// <summary>The try that began at <paramref name="began"/> succeeded: it does not count.</summary>
    public void Forgive(Channel platform, string user, DateTimeOffset began)
    {
        lock (_gate)
        {
            if (_tries.TryGetValue((platform, user), out var tries))
            {
                tries.Remove(began);
            }
        }
    }

    /// <summary>How many tries are left this hour.</summary>
    public int Left(Channel platform, string user)
    {
        lock (_gate)
        {
            return MaxFailures - (_tries.TryGetValue((platform, user), out var tries) ? tries.Count : 0);
        }
    }
}
