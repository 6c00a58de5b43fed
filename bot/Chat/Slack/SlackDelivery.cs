using System.Text.Json.Nodes;
using McsOps.Core;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// Slack for the outbox dispatcher: a staff member is reached at their Slack member id
/// (<c>U…</c>), in the direct messages with the bot (<c>conversations.open</c>, its channel kept
/// per user by <see cref="SlackApi"/>), by one <c>chat.postMessage</c> with the message's blocks.
/// The pacing key is the member id: a bot has one DM channel per user, and the key must not
/// change when the channel becomes known. Slack has no tenant limit; a 429 holds all of Slack (its limits are per
/// workspace and method).
/// </summary>
internal sealed class SlackDelivery(SlackApi api) : IChatDelivery
{
    /// <summary>Slack's <c>ok:false</c> errors that a later try may get past.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org", "ratelimited",
    };

    public Channel Platform => Channel.Slack;

    public ChatAddress? AddressOf(Staff staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return string.IsNullOrWhiteSpace(staff.SlackUserId) ? null : new ChatAddress(staff.SlackUserId, staff.SlackUserId, null);
    }

    public async Task<DeliveryResult> DeliverAsync(ChatAddress to, MessageContent content, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            if (!api.TryKnownDm(to.User, out var channel))
            {
                var opened = await api.Once("conversations.open", new JsonObject { ["users"] = to.User }, cancel);
                if (!opened.Ok || opened.Answer?["channel"]?["id"]?.ToString() is not { Length: > 0 } id)
                {
                    return Failure("conversations.open", opened);
                }

                channel = api.RememberDm(to.User, id);
            }

            var message = SlackBlocks.Message(content);
            message["channel"] = channel;
            var posted = await api.Once("chat.postMessage", message, cancel);
            if (posted.Ok && posted.Answer?["ts"]?.ToString() is { Length: > 0 } ts)
            {
                return new DeliveryResult.Accepted(channel + "/" + ts);
            }

            if (SlackApi.DmGone(posted.Error))
            {
                // The DM channel we kept is gone: open it again on the next try.
                api.ForgetDm(to.User);
                return new DeliveryResult.Failed("chat.postMessage: " + posted.Error, Retryable: true);
            }

            return Failure("chat.postMessage", posted);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.Failed("Slack unreachable: " + e.HttpRequestError, Retryable: true);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new DeliveryResult.Failed("Slack timed out", Retryable: true);
        }
    }

    private static DeliveryResult Failure(string method, SlackAttempt attempt) => attempt switch
    {
        { Status: 429 } => new DeliveryResult.Throttled(attempt.RetryAfter ?? TimeSpan.FromSeconds(1)),
        { Status: >= 500 or 408 } => new DeliveryResult.Failed($"{method}: HTTP {attempt.Status}", Retryable: true),
        { Status: >= 200 and < 300 } when attempt.Error == "ratelimited" => new DeliveryResult.Throttled(TimeSpan.FromSeconds(1)),
        { Status: >= 200 and < 300 } => new DeliveryResult.Failed($"{method}: {attempt.Error}", Transient.Contains(attempt.Error)),
        _ => new DeliveryResult.Failed($"{method}: {attempt.Error}", Retryable: false),
    };
}
