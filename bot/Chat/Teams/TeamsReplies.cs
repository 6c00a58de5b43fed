using System.Net;
using System.Threading.Channels;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// Sends the answers to messages after the Connector's request has been answered 200 (it does not
/// wait for the bot's reply): <see cref="Workers"/> senders, each conversation always on the same
/// one so that its replies keep their order; a 429 or 5xx is tried again (after
/// <c>Retry-After</c>, on the injected clock) up to <see cref="MaxAttempts"/> times, then logged.
/// </summary>
internal sealed class TeamsReplies(TeamsConnector connector, TimeProvider time, ILogger<TeamsReplies> log) : BackgroundService
{
    public const int Capacity = 1000;
    public const int Workers = 4;
    public const int MaxAttempts = 3;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly Channel<TeamsReply>[] _queues = [.. Enumerable.Range(0, Workers).Select(_ => Channel.CreateBounded<TeamsReply>(new BoundedChannelOptions(Capacity) { SingleReader = true }))];

    /// <summary>False when the conversation's queue is full.</summary>
    public bool Enqueue(TeamsReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var worker = (int)((uint)StringComparer.Ordinal.GetHashCode(reply.Conversation) % Workers);
        return _queues[worker].Writer.TryWrite(reply);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(q => Send(q.Reader, stoppingToken)));

    private async Task Send(ChannelReader<TeamsReply> queue, CancellationToken stoppingToken)
    {
        await foreach (var reply in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Deliver(reply, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                TeamsLog.DeliveryFailed(log, e.GetType().Name);
            }
        }
    }

    private async Task Deliver(TeamsReply reply, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = reply.UpdateId is { } id
                ? await connector.Update(reply.ServiceUrl, reply.Conversation, id, reply.Activity.DeepClone().AsObject(), ct)
                : await connector.Post(reply.ServiceUrl, reply.Conversation, reply.ReplyToId, reply.Activity.DeepClone().AsObject(), ct);
            if (answer.IsSuccess)
            {
                return;
            }

            var again = answer.Status == HttpStatusCode.TooManyRequests || (int)answer.Status >= 500;
            if (!again || attempt == MaxAttempts)
            {
                TeamsLog.DeliveryFailed(log, "HTTP " + (int)answer.Status);
                return;
            }

            var wait = answer.RetryAfter ?? TimeSpan.FromSeconds(attempt);
            await Task.Delay(wait > MaxWait ? MaxWait : wait, time, ct);
        }
    }
}
