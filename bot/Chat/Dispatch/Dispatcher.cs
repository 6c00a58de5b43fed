using McsOps.Bot.Hosting;
using McsOps.Core;

namespace McsOps.Bot.Chat.Dispatch;

/// <summary>
/// Delivers the outbox (design §7), one pass at a time: the pending messages whose
/// <c>NotBefore</c> has come (quiet hours are already in it), urgent first, each to the first
/// platform its recipient can be reached on — Teams before Slack when both are linked, because
/// a facility that runs Teams runs it as its everyday tool, and a message goes to one place
/// only. Within each platform's limits (<see cref="PaceLimits"/>, kept by <see cref="Pacer"/>);
/// a 429 holds the conversation and the tenant until its <c>Retry-After</c> and does not count
/// as a try; a retryable failure waits an exponential back-off with jitter, up to
/// <see cref="DispatchOptions.MaxAttempts"/> tries, then the message is <c>dead</c> with its last
/// error; a refusal that will not change is <c>dead</c> at once.
/// <para>
/// Crash safety: the attempt is written (one more try, in its own transaction) before the call,
/// and <c>sent</c> with the platform's message id only after the platform accepted it, each
/// outcome in its own transaction as it comes. A crash between the two leaves the message
/// pending: it goes again after the restart — at most one duplicate per message in flight, never
/// a loss. Store work goes through the <see cref="StoreOwner"/> in short transactions; no
/// transaction is open during a call.
/// </para>
/// Recipients with no chat on any configured platform are not dropped: their messages stay
/// pending, marked <see cref="OutboxMessage.Unlinked"/>, and the admins' digest lists them.
/// </summary>
internal sealed class Dispatcher(StoreOwner owner, IEnumerable<IChatDelivery> deliveries, DispatchOptions options, TimeProvider time, ILogger<Dispatcher> log)
{
    /// <summary>At most this many calls per pass (the next pass follows at once).</summary>
    public const int MaxPerPass = 500;

    private readonly IChatDelivery[] _platforms = [.. deliveries.OrderBy(d => d.Platform == Channel.Teams ? 0 : 1)];
    private readonly Pacer _pacer = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public IReadOnlyList<Channel> Platforms => [.. _platforms.Select(p => p.Platform)];

    public DispatchOptions Options => options;

    /// <summary>One pass: chooses what may go now, records the attempts, calls the platforms, records each outcome.</summary>
    public async Task<DispatchPass> PassAsync(CancellationToken cancel)
    {
        await _oneAtATime.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return await RunAsync(cancel).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<DispatchPass> RunAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var (due, later, staff) = owner.Run(ops => ops.Store.Read(s =>
        {
            var pending = s.Outbox.ByState(OutboxState.Pending);
            var ready = pending.Where(m => m.NotBefore <= now)
                .OrderByDescending(m => m.Urgent).ThenBy(m => m.NotBefore).ThenBy(m => m.CreatedAt).ThenBy(m => m.Key, StringComparer.Ordinal)
                .ToList();
            var first = pending.Where(m => m.NotBefore > now).Select(m => (DateTimeOffset?)m.NotBefore).Min();
            var recipients = ready.Select(m => m.Recipient).Distinct().Select(s.Staff.Find).OfType<Staff>().ToDictionary(x => x.Code);
            return (ready, first, recipients);
        }), mayChange: false);

        var next = later;
        var chosen = new List<Attempt>();
        var unlinked = new List<OutboxMessage>();
        var unknown = new List<OutboxMessage>();
        var held = 0;
        foreach (var m in due)
        {
            if (!staff.TryGetValue(m.Recipient, out var recipient))
            {
                unknown.Add(m);
                continue;
            }

            if (Target(recipient) is not var (platform, address))
            {
                held++;
                if (m.LastError != OutboxMessage.Unlinked)
                {
                    unlinked.Add(m);
                }

                continue;
            }

            if (chosen.Count == MaxPerPass)
            {
                next = now;
                break;
            }

            var keys = Keys(platform.Platform, address);
            var at = _pacer.Earliest(keys, now);
            if (at > now)
            {
                next = Earlier(next, at);
                continue;
            }

            _pacer.Record(keys, now);
            chosen.Add(new Attempt(m with { Attempts = m.Attempts + 1 }, m.Attempts, platform, address, keys));
        }

        var recorded = chosen.Count + unlinked.Count + unknown.Count == 0 ? chosen : owner.Run(ops => ops.Store.Write(s =>
        {
            foreach (var m in unlinked.Where(m => IsPending(s, m)))
            {
                s.Outbox.Upsert(m with { LastError = OutboxMessage.Unlinked });
            }

            foreach (var m in unknown.Where(m => IsPending(s, m)))
            {
                s.Outbox.Upsert(m with { State = OutboxState.Dead, LastError = "unknown recipient" });
            }

            // Before any call: the try is on record.
            var still = chosen.Where(a => IsPending(s, a.Message)).ToList();
            still.ForEach(a => s.Outbox.Upsert(a.Message));
            return still;
        }));

        using var gate = new SemaphoreSlim(options.MaxConcurrency);
        var outcomes = await Task.WhenAll(recorded.Select(a => DeliverAsync(a, now, gate, cancel))).ConfigureAwait(false);
        foreach (var at in outcomes.Select(o => o.RetryAt).OfType<DateTimeOffset>())
        {
            next = Earlier(next, at);
        }

        var pass = new DispatchPass(
            outcomes.Count(o => o.Outcome == Outcome.Sent),
            outcomes.Count(o => o.Outcome == Outcome.Throttled),
            outcomes.Count(o => o.Outcome == Outcome.Retrying),
            outcomes.Count(o => o.Outcome == Outcome.Dead) + unknown.Count,
            held,
            next);
        if (recorded.Count + unknown.Count + unlinked.Count > 0)
        {
            DispatchLog.Pass(log, pass.Sent, pass.Throttled, pass.Retrying, pass.Dead, pass.Unlinked);
        }

        return pass;
    }

    private async Task<(Outcome Outcome, DateTimeOffset? RetryAt)> DeliverAsync(Attempt a, DateTimeOffset chosenAt, SemaphoreSlim gate, CancellationToken cancel)
    {
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        DeliveryResult result;
        try
        {
            _pacer.Move(a.Keys, chosenAt, time.GetUtcNow());
            try
            {
                result = await a.Platform.DeliverAsync(a.Address, a.Message.Content, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                // The contract says results, not exceptions; a bug in an adapter must not lose the message.
                result = new DeliveryResult.Failed(e.GetType().Name, Retryable: true);
            }
        }
        finally
        {
            gate.Release();
        }

        var now = time.GetUtcNow();
        var m = a.Message;
        var retry = Stored(now + Backoff(m.Attempts));
        var (updated, outcome, retryAt) = result switch
        {
            DeliveryResult.Accepted accepted => (m with { State = OutboxState.Sent, PlatformMessageId = accepted.MessageId, LastError = null }, Outcome.Sent, (DateTimeOffset?)null),
            DeliveryResult.Throttled throttled => Throttle(a, Stored(now + (throttled.RetryAfter > TimeSpan.Zero ? throttled.RetryAfter : TimeSpan.Zero))),
            DeliveryResult.Failed { Retryable: true } failed when m.Attempts < options.MaxAttempts =>
                (m with { NotBefore = retry, LastError = failed.Error }, Outcome.Retrying, retry),
            DeliveryResult.Failed failed => (m with { State = OutboxState.Dead, LastError = failed.Error }, Outcome.Dead, null),
            _ => throw new InvalidOperationException("unknown delivery result " + result.GetType().Name),
        };
        owner.Run(ops => ops.Store.Write(s =>
        {
            if (IsPending(s, m))
            {
                s.Outbox.Upsert(updated);
            }

            return 0;
        }));
        if (outcome == Outcome.Dead)
        {
            DispatchLog.Dead(log, m.Key, m.Attempts, Tokens.Format(a.Platform.Platform), updated.LastError ?? "-");
        }

        return (outcome, retryAt);
    }

    /// <summary>A 429 is the platform's pacing, not a failure: the try is given back, and the conversation and the tenant wait.</summary>
    private (OutboxMessage, Outcome, DateTimeOffset?) Throttle(Attempt a, DateTimeOffset until)
    {
        _pacer.Hold(a.Keys.Select(k => k.Key), until);
        return (a.Message with { Attempts = a.AttemptsBefore, NotBefore = until, LastError = "throttled (429)" }, Outcome.Throttled, until);
    }

    /// <summary>Exponential back-off with jitter after the <paramref name="attempts"/>-th failure: half the doubled delay, plus up to the other half at random.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var doubled = options.Backoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = doubled < options.MaxBackoff ? doubled : options.MaxBackoff;
        return delay / 2 + delay / 2 * Random.Shared.NextDouble();
    }

    private (IChatDelivery Platform, ChatAddress Address)? Target(Staff staff)
    {
        foreach (var platform in _platforms)
        {
            if (platform.AddressOf(staff) is { } address)
            {
                return (platform, address);
            }
        }

        return null;
    }

    private static List<(string Key, IReadOnlyList<PaceLimit> Limits)> Keys(Channel platform, ChatAddress address)
    {
        var limits = PaceLimits.For(platform);
        var name = Tokens.Format(platform);
        return [(name + "|conversation|" + address.Conversation, limits.PerConversation), (name + "|tenant|" + (address.Tenant ?? "*"), limits.PerTenant)];
    }

    /// <summary>Up to the next whole millisecond, as the store keeps instants: the pass then wakes exactly when the message is due.</summary>
    private static DateTimeOffset Stored(DateTimeOffset at)
    {
        var extra = at.Ticks % TimeSpan.TicksPerMillisecond;
        return extra == 0 ? at : at.AddTicks(TimeSpan.TicksPerMillisecond - extra);
    }

    private static bool IsPending(McsOps.Core.Storage.IStoreSession s, OutboxMessage m) => s.Outbox.Find(m.Key)?.State == OutboxState.Pending;

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;

    private enum Outcome
    {
        Sent,
        Throttled,
        Retrying,
        Dead,
    }

    /// <param name="Message">The message with this try counted.</param>
    private sealed record Attempt(OutboxMessage Message, int AttemptsBefore, IChatDelivery Platform, ChatAddress Address, List<(string Key, IReadOnlyList<PaceLimit> Limits)> Keys);
}
