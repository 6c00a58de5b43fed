using System.Text.Json;
using System.Text.Json.Nodes;

namespace McsOps.Bot.Chat.Slack;

/// <summary>What one Web API call came to: the HTTP status, Slack's JSON answer (null when there was none or it was not JSON) and, for a 429, when to try again.</summary>
internal sealed record SlackAttempt(int Status, JsonNode? Answer, TimeSpan? RetryAfter)
{
    public bool Ok => Status is >= 200 and < 300 && Answer?["ok"]?.GetValueKind() == JsonValueKind.True;

    /// <summary>Slack's error code (<c>channel_not_found</c>), or what went wrong over HTTP.</summary>
    public string Error => Answer?["error"]?.ToString() ?? (Status is >= 200 and < 300 ? "ok is not true" : $"HTTP {Status}");
}
