using System.Threading.Channels;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// Finishes what a request acknowledged: an answer that replaces a message goes by
/// <c>chat.update</c>; one whose buttons change it (<see cref="SlackBlocks.UpdatesInPlace"/>) goes
/// to the user's direct messages with the bot (<c>conversations.open</c> + <c>chat.postMessage</c>),
/// where a click can update it later — ephemeral messages cannot be; anything else goes back
/// through the <c>response_url</c>, seen only by the user. <see cref="Lanes"/> go at once (one at a time, replies went out slower than
/// 50 users at once asked for them: measured); one user's replies always take the same lane, so
/// they go in order — a click's update never overtakes the message it updates. A delivery that
/// fails is logged and, where possible, the user is told.
/// </summary>
internal sealed class SlackReplies(SlackApi api, ILogger<SlackReplies> log) : BackgroundService
{
    public const int Capacity = 1000;
    public const int Lanes = 4;

    private readonly Channel<SlackReply>[] _lanes = [.. Enumerable.Range(0, Lanes)
        .Select(_ => Channel.CreateBounded<SlackReply>(new BoundedChannelOptions(Capacity / Lanes) { SingleReader = true }))];

    /// <summary>False when the user's lane is full (Slack is slower than the clicks).</summary>
    public bool Enqueue(SlackReply reply) => _lanes[LaneOf(reply.User)].Writer.TryWrite(reply);

    private static int LaneOf(string user) => (int)((uint)StringComparer.Ordinal.GetHashCode(user) % Lanes);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(_lanes.Select(lane => Drain(lane.Reader, stoppingToken)));

    private async Task Drain(ChannelReader<SlackReply> lane, CancellationToken stoppingToken)
    {
        await foreach (var reply in lane.ReadAllAsync(stoppingToken))
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
        else if (SlackBlocks.UpdatesInPlace(message.Content))
        {
            await api.PostToDm(reply.User, SlackBlocks.Message(message.Content), ct);
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
