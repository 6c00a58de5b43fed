using McsOps.Bot.Limits;
using McsOps.Core;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the bot's messaging endpoint. Nothing is read or written before the
/// request passed every check: one bearer token (401 without), a body within
/// <see cref="MaxBody"/> (413), the token itself (401), a well-formed activity (400), and the
/// activity vouched for by the token — its <c>serviceUrl</c> the token's, its <c>channelId</c>
/// endorsed by the signing key, its service URL one McsOps may answer (403). Then: a
/// <c>message</c> is answered 200 at once and replied to in the conversation; an
/// <c>adaptiveCard/action</c> invoke is answered inline with the updated card (or a message); a
/// <c>conversationUpdate</c> that adds the bot stores how to reach the user.
/// </summary>
internal static class TeamsEndpoints
{
    public const int MaxBody = 128 * 1024;
    public const string AdaptiveCardAction = "adaptiveCard/action";

    public static async Task<IResult> Messages(HttpRequest request, TeamsTokenValidator validator, IOptions<TeamsOptions> options, ChatLimits limits, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(TeamsEndpoints));
        if (!limits.SourceMayTry("teams", request.HttpContext, out var source))
        {
            return Refuse(log, StatusCodes.Status429TooManyRequests, "an address over the limit of failed requests");
        }

        // Every refusal before the activity is known to come from the Connector counts against its address.
        IResult Unverified(int status, string reason)
        {
            limits.Unverified.Count(source);
            return Refuse(log, status, reason);
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || string.IsNullOrEmpty(authorization[0]))
        {
            return Unverified(StatusCodes.Status401Unauthorized, "no Authorization header");
        }

        var body = request.ContentLength > MaxBody ? null : await RequestBody.ReadAtMost(request.Body, MaxBody, ct);
        if (body is null)
        {
            return Unverified(StatusCodes.Status413PayloadTooLarge, "body over the limit");
        }

        var (claims, reason) = await validator.Validate(authorization[0], ct);
        if (claims is null)
        {
            return Unverified(StatusCodes.Status401Unauthorized, reason);
        }

        var (activity, malformed) = TeamsActivity.Parse(body);
        if (activity is null)
        {
            return Refuse(log, StatusCodes.Status400BadRequest, malformed);
        }

        if (!string.Equals(claims.ServiceUrl, activity.ServiceUrl, StringComparison.Ordinal))
        {
            return Unverified(StatusCodes.Status403Forbidden, "the token's serviceurl is not the activity's");
        }

        if (!claims.Endorsements.Contains(activity.ChannelId))
        {
            return Unverified(StatusCodes.Status403Forbidden, "the signing key is not endorsed for the channel");
        }

        if (!options.Value.IsAllowedServiceUrl(activity.ServiceUrl))
        {
            return Unverified(StatusCodes.Status403Forbidden, "the service URL is not in Teams:AllowedServiceUrls");
        }

        return activity.Type switch
        {
            "message" => Message(request, activity, log),
            "invoke" when activity.Name == AdaptiveCardAction => Invoke(request, activity, log),
            "conversationUpdate" => ConversationUpdate(request, activity),
            _ => TypedResults.Ok(),
        };
    }

    private static IResult Message(HttpRequest request, TeamsActivity activity, ILogger log)
    {
        if (activity.User is not { } user)
        {
            return Refuse(log, StatusCodes.Status400BadRequest, "a message without from.aadObjectId");
        }

        // A card's Action.Submit fallback comes back as a message whose value is the button's data.
        var answer = Answer(request, activity, log, chat => activity.Action is { } action
            ? chat.Handle(Clicked(user, action, activity))
            : chat.Handle(new IncomingCommand(Channel.Teams, user, TeamsText.Command(activity.Text))));
        var reply = answer.Replaces is { } at
            ? new TeamsReply(activity.ServiceUrl, at.Conversation, null, at.Id, TeamsCards.Activity(answer.Content))
            : new TeamsReply(activity.ServiceUrl, activity.ConversationId, activity.Id, null, TeamsCards.Activity(answer.Content));
        if (!request.HttpContext.RequestServices.GetRequiredService<TeamsReplies>().Enqueue(reply))
        {
            TeamsLog.QueueFull(log);
        }

        return TypedResults.Ok();
    }

    private static IResult Invoke(HttpRequest request, TeamsActivity activity, ILogger log)
    {
        if (activity.User is not { } user || activity.Action is not { } action)
        {
            return Refuse(log, StatusCodes.Status400BadRequest, "an adaptiveCard/action without a user or action data");
        }

        var answer = Answer(request, activity, log, chat => chat.Handle(Clicked(user, action, activity)));
        return TypedResults.Text(TeamsCards.InvokeResponse(answer.Content).ToJsonString(TeamsCards.Json), "application/json; charset=utf-8");
    }

    private static ActionInvoked Clicked(string user, TeamsAction action, TeamsActivity activity) =>
        new(Channel.Teams, user, action.ActionId, action.Value, action.Input, activity.ReplyToId is { } on ? new MessageRef(activity.ConversationId, on) : null);

    /// <summary>
    /// Refreshes the sender's conversation reference and runs the command; a failure is the
    /// <c>chat.error</c> message, not a 500; a user over the per-minute limit gets <c>chat.slowdown</c> instead.
    /// </summary>
    private static OutgoingMessage Answer(HttpRequest request, TeamsActivity activity, ILogger log, Func<ChatCommands, OutgoingMessage> handle)
    {
        var services = request.HttpContext.RequestServices;
        services.GetRequiredService<TeamsReferences>().Remember(activity);
        var chat = services.GetRequiredService<ChatCommands>();
        if (services.GetRequiredService<ChatLimits>().UserRequest("teams", activity.User!) != LimitVerdict.Allowed)
        {
            TeamsLog.Refused(log, StatusCodes.Status200OK, "a user over the per-minute limit");
            return new OutgoingMessage(new MessageContent { Text = Text.Get(chat.Lang, "chat.slowdown") });
        }

        try
        {
            return handle(chat);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TeamsLog.Failed(log, activity.Type, e);
            return new OutgoingMessage(new MessageContent { Text = Text.Get(chat.Lang, "chat.error") });
        }
    }

    private static IResult ConversationUpdate(HttpRequest request, TeamsActivity activity)
    {
        if (activity.RecipientId is { } bot && activity.MembersAdded.Contains(bot, StringComparer.Ordinal))
        {
            request.HttpContext.RequestServices.GetRequiredService<TeamsReferences>().Remember(activity);
        }

        return TypedResults.Ok();
    }

    private static IResult Refuse(ILogger log, int status, string reason)
    {
        TeamsLog.Refused(log, status, reason);
        return TypedResults.StatusCode(status);
    }
}
