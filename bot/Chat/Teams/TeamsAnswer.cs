using System.Net;

namespace McsOps.Bot.Chat.Teams;

/// <summary>What the Bot Connector (or the token endpoint) answered one call: the status, the id in its body, its <c>Retry-After</c>.</summary>
internal sealed record TeamsAnswer(HttpStatusCode Status, string? Id, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The Connector was not called: the service URL is not in <c>Teams:AllowedServiceUrls</c>.</summary>
    public static TeamsAnswer NotAllowed { get; } = new(HttpStatusCode.Forbidden, null, null);
}
