using System.Threading.Channels;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// Finishes what a request acknowledged: an answer that replaces a message goes by
/// <c>chat.update</c>; one with buttons goes to the user's direct messages with the bot
/// (<c>conversations.open</c> + <c>chat.postMessage</c>), where a click can update it later —
/// ephemeral messages cannot be; anything else goes back through the <c>response_url</c>, seen
/// only by the user. One at a time, in order; a delivery that fails is logged and, where
/// possible, the user is told.
/// </summary>
internal sealed class SlackReplies(SlackApi api, ILogger<SlackReplies> log) : BackgroundService
{
    public const int Capacity = 1000;

    private readonly Channel<SlackReply> _queue = Channel.CreateBounded<SlackReply>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    /// <summary>False when the queue is full (Slack is slower than the clicks).</summary>
    public bool Enqueue(SlackReply reply) => _queue.Writer.TryWrite(reply);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var reply in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Deliver(reply, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong with one reply (Slack's ok:false, a timeout, a bug), the next ones still go.
                SlackLog.DeliveryFailed(log, e.Message);
                await TellUser(reply, stoppingToken);
            }
        }
    }

    private async Task Deliver(SlackReply reply, CancellationToken ct)
    {
        var message = reply.Message;
        if (message.Replaces is { } at)
        {
            await api.Update(at.Conversation, at.Id, SlackBlocks.Message(message.Content), ct);
        }
        else if (SlackBlocks.HasButtons(message.Content))
        {
            var dm = await api.OpenDm(reply.User, ct);
            await api.Post(dm, SlackBlocks.Message(message.Content), ct);
        }
        else if (reply.ResponseUrl is { } url)
        {
            await api.Respond(url, SlackBlocks.Ephemeral(message.Content), ct);
        }
    }

    private async Task TellUser(SlackReply reply, CancellationToken ct)
    {
        if (reply.ResponseUrl is not { } url)
        {
            return;
        }

        try
        {
            await api.Respond(url, SlackBlocks.Ephemeral(reply.FailureText), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            SlackLog.DeliveryFailed(log, e.Message);
        }
    }
}
