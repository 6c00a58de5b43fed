namespace McsOps.Bot.Chat.Slack;

/// <summary>A Slack Web API call that did not succeed: <c>ok:false</c> with Slack's error code, an HTTP error, or still rate limited after the last try.</summary>
internal sealed class SlackApiException(string method, string error) : Exception($"{method}: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}
