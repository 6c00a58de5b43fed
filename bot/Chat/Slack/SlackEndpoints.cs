using System.Text;
using McsOps.Bot.Limits;
using McsOps.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// <c>POST /slack/commands</c> (slash commands <c>/review</c> and <c>/mcsops</c>) and
/// <c>POST /slack/interactivity</c> (button clicks). Every request is verified first —
/// headers, size, signature, time window, replay — and nothing is read before that. Slash
/// commands are answered at once with an ephemeral reply; clicks are acknowledged empty and the
/// answer follows through <see cref="SlackReplies"/>. A failure is an ephemeral message, not a 500.
/// Limits (<see cref="ChatLimits"/>): a source address whose requests failed verification too often
/// in the last minute gets 429 without being read; a chat user who sent too many verified ones
/// gets a "slow down" answer instead of their command.
/// </summary>
internal static class SlackEndpoints
{
    public const int MaxBody = 64 * 1024;

    public static async Task<IResult> Commands(HttpRequest request, SlackSignature signature, SlackReplies replies, ChatLimits limits, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(SlackEndpoints));
        var (form, refusal) = await ReadVerified(request, signature, limits, log, ct);
        if (form is null)
        {
            return refusal!;
        }

        if (One(form, "user_id") is not { Length: > 0 } user || One(form, "command") is not { Length: > 0 } command
            || (form.TryGetValue("text", out var texts) && texts.Count > 1))
        {
            SlackLog.Refused(log, "a slash command without user_id or command");
            return TypedResults.BadRequest();
        }

        var responseUrl = Uri.TryCreate(One(form, "response_url"), UriKind.Absolute, out var url) && ExternalUrl.IsAllowed(url) ? url : null;
        var chat = Handler(request);
        if (!UserMayGoOn(limits, user, log))
        {
            return Json(SlackBlocks.Ephemeral(Text.Get(chat.Lang, "chat.slowdown")));
        }

        try
        {
            var answer = chat.Handle(new IncomingCommand(Channel.Slack, user, command.TrimStart('/') + " " + One(form, "text")));
            if (!SlackBlocks.UpdatesInPlace(answer.Content))
            {
                return Json(SlackBlocks.Ephemeral(answer.Content));
            }

            // To the direct messages with the bot, where each click can update the message.
            var queued = Enqueue(replies, new SlackReply(answer, user, responseUrl, Text.Get(chat.Lang, "chat.error")), log);
            return Json(SlackBlocks.Ephemeral(Text.Get(chat.Lang, queued ? "chat.sent" : "chat.error")));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SlackLog.Failed(log, "command", e);
            return Json(SlackBlocks.Ephemeral(Text.Get(chat.Lang, "chat.error")));
        }
    }

    public static async Task<IResult> Interactivity(HttpRequest request, SlackSignature signature, SlackReplies replies, ChatLimits limits, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(SlackEndpoints));
        var (form, refusal) = await ReadVerified(request, signature, limits, log, ct);
        if (form is null)
        {
            return refusal!;
        }

        if (One(form, "payload") is not { } payload || !SlackInteraction.TryParse(payload, out var interaction))
        {
            SlackLog.Refused(log, "an interaction without a readable payload");
            return TypedResults.BadRequest();
        }

        if (interaction.Action is not { } action)
        {
            return TypedResults.Ok();
        }

        var chat = Handler(request);
        var failure = Text.Get(chat.Lang, "chat.error");
        if (limits.UserRequest("slack", action.PlatformUserId) is var verdict and not LimitVerdict.Allowed)
        {
            // Told once per lockout (the answer is itself a message to send); later clicks are ignored.
            if (verdict == LimitVerdict.LockedOut)
            {
                var slow = new OutgoingMessage(new MessageContent { Text = Text.Get(chat.Lang, "chat.slowdown") });
                Enqueue(replies, new SlackReply(slow, action.PlatformUserId, interaction.ResponseUrl, failure), log);
            }

            SlackLog.Refused(log, "a user over the per-minute limit");
            return TypedResults.Ok();
        }

        OutgoingMessage answer;
        try
        {
            answer = chat.Handle(action);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SlackLog.Failed(log, "interactivity", e);
            answer = new OutgoingMessage(new MessageContent { Text = failure });
        }

        Enqueue(replies, new SlackReply(answer, action.PlatformUserId, interaction.ResponseUrl, failure), log);
        return TypedResults.Ok();
    }

    /// <summary>The handler (and the store behind it), resolved only for a request that passed every check.</summary>
    private static ChatCommands Handler(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<ChatCommands>();

    /// <summary>Counts a verified request of <paramref name="user"/>; false (audited once per lockout) when they are over the limit.</summary>
    private static bool UserMayGoOn(ChatLimits limits, string user, ILogger log)
    {
        if (limits.UserRequest("slack", user) == LimitVerdict.Allowed)
        {
            return true;
        }

        SlackLog.Refused(log, "a user over the per-minute limit");
        return false;
    }

    /// <summary>The form of a request that passed every check, or the status that refuses it.</summary>
    private static async Task<(Dictionary<string, StringValues>? Form, IResult? Refusal)> ReadVerified(HttpRequest request, SlackSignature signature, ChatLimits limits, ILogger log, CancellationToken ct)
    {
        if (!limits.SourceMayTry("slack", request.HttpContext, out var source))
        {
            SlackLog.Refused(log, "an address over the limit of failed requests");
            return (null, TypedResults.StatusCode(StatusCodes.Status429TooManyRequests));
        }

        var timestamp = request.Headers["X-Slack-Request-Timestamp"];
        var sig = request.Headers["X-Slack-Signature"];
        if (timestamp.Count != 1 || sig.Count != 1 || string.IsNullOrEmpty(timestamp[0]) || string.IsNullOrEmpty(sig[0]))
        {
            limits.Unverified.Count(source);
            SlackLog.Refused(log, "no signature headers");
            return (null, TypedResults.Unauthorized());
        }

        var body = request.ContentLength > MaxBody ? null : await RequestBody.ReadAtMost(request.Body, MaxBody, ct);
        if (body is null)
        {
            limits.Unverified.Count(source);
            SlackLog.Refused(log, "body over 64 KiB");
            return (null, TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (!signature.Verify(timestamp[0]!, sig[0]!, body))
        {
            limits.Unverified.Count(source);
            SlackLog.Refused(log, "bad signature, stale timestamp or replay");
            return (null, TypedResults.Unauthorized());
        }

        return (QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)), null);
    }

    private static string? One(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static bool Enqueue(SlackReplies replies, SlackReply reply, ILogger log)
    {
        if (replies.Enqueue(reply))
        {
            return true;
        }

        SlackLog.QueueFull(log);
        return false;
    }

    private static IResult Json(System.Text.Json.Nodes.JsonObject body) =>
        TypedResults.Text(body.ToJsonString(SlackBlocks.Json), "application/json; charset=utf-8");
}
