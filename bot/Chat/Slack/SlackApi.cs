using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// The few Slack Web API methods McsOps calls, with the bot token, JSON bodies and Slack's answer
/// checked: <c>ok:false</c> throws with Slack's error code; a 429 is retried after its
/// <c>Retry-After</c> (on the injected clock), up to <see cref="MaxAttempts"/> tries.
/// </summary>
internal sealed class SlackApi(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider time)
{
    public const string Client = "slack";
    public const int MaxAttempts = 3;

    /// <summary>One call's limit: replies go one at a time, so a hung call must not hold the rest for long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The direct-message channel of each user that <c>conversations.open</c> has told (a bot has
    /// one per user, and the method is one of Slack's rate-limited tiers): asked once, for the
    /// replies and the outbox alike, until a post finds it gone.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _dms = new(StringComparer.Ordinal);

    public bool TryKnownDm(string user, out string channel) => _dms.TryGetValue(user, out channel!);

    public string RememberDm(string user, string channel) => _dms.GetOrAdd(user, channel);

    /// <summary>Slack said the channel is gone (<c>channel_not_found</c>, <c>is_archived</c>): open it again next time.</summary>
    public void ForgetDm(string user) => _dms.TryRemove(user, out _);

    /// <summary>The errors of <c>chat.postMessage</c> that mean the kept DM channel is gone.</summary>
    public static bool DmGone(string? error) => error is "channel_not_found" or "is_archived";

    /// <summary>The direct-message channel between the bot and the user (<c>conversations.open</c>, scope <c>im:write</c>).</summary>
    private async Task<string> OpenDm(string user, CancellationToken ct)
    {
        if (TryKnownDm(user, out var known))
        {
            return known;
        }

        var answer = await Call("conversations.open", new JsonObject { ["users"] = user }, ct);
        return RememberDm(user, answer["channel"]?["id"]?.GetValue<string>() ?? throw new SlackApiException("conversations.open", "no channel in the answer"));
    }

    /// <summary><c>chat.postMessage</c>; returns the message's <c>ts</c>.</summary>
    public async Task<string> Post(string channel, JsonObject message, CancellationToken ct)
    {
        message["channel"] = channel;
        var answer = await Call("chat.postMessage", message, ct);
        return answer["ts"]?.GetValue<string>() ?? throw new SlackApiException("chat.postMessage", "no ts in the answer");
    }

    /// <summary>
    /// <c>chat.postMessage</c> to the user's direct messages with the bot (their channel opened once);
    /// a channel Slack says is gone is forgotten, to be opened again next time.
    /// </summary>
    public async Task PostToDm(string user, JsonObject message, CancellationToken ct)
    {
        try
        {
            await Post(await OpenDm(user, ct), message, ct);
        }
        catch (SlackApiException e) when (DmGone(e.Error))
        {
            ForgetDm(user);
            throw;
        }
    }

    /// <summary><c>chat.update</c> of a message the bot posted.</summary>
    public async Task Update(string channel, string ts, JsonObject message, CancellationToken ct)
    {
        message["channel"] = channel;
        message["ts"] = ts;
        await Call("chat.update", message, ct);
    }

    /// <summary>A message through an interaction's <c>response_url</c> (no token: the URL is the credential).</summary>
    public async Task Respond(Uri responseUrl, JsonObject message, CancellationToken ct)
    {
        using var response = await Send(responseUrl, message, withToken: false, ct);
    }

    private async Task<JsonNode> Call(string method, JsonObject body, CancellationToken ct)
    {
        using var response = await Send(new Uri(method, UriKind.Relative), body, withToken: true, ct);
        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "the answer is not JSON");
        }

        return answer?["ok"]?.GetValueKind() == JsonValueKind.True
            ? answer
            : throw new SlackApiException(method, answer?["error"]?.ToString() ?? "ok is not true");
    }

    private async Task<HttpResponseMessage> Send(Uri uri, JsonObject body, bool withToken, CancellationToken ct)
    {
        var json = body.ToJsonString(SlackBlocks.Json);
        var http = clients.CreateClient(Client);
        var name = uri.IsAbsoluteUri ? "response_url" : uri.OriginalString;
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendOnce(http, uri, json, withToken, ct);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var status = response.StatusCode;
            var wait = RetryAfter(response);
            response.Dispose();
            if (status != HttpStatusCode.TooManyRequests)
            {
                throw new SlackApiException(name, $"HTTP {(int)status}");
            }

            if (attempt == MaxAttempts)
            {
                throw new SlackApiException(name, "rate limited");
            }

            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>
    /// One call of a Web API method and nothing more: the outbox dispatcher paces and retries
    /// itself, so a 429 or a 5xx is its answer here, not a wait. Throws only for the transport
    /// (<see cref="HttpRequestException"/>, a timeout) and for <paramref name="ct"/>.
    /// </summary>
    public async Task<SlackAttempt> Once(string method, JsonObject body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var response = await SendOnce(clients.CreateClient(Client), new Uri(method, UriKind.Relative), body.ToJsonString(SlackBlocks.Json), withToken: true, ct);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return new SlackAttempt(status, null, status == 429 ? RetryAfter(response) : null);
        }

        try
        {
            return new SlackAttempt(status, JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)), null);
        }
        catch (JsonException)
        {
            return new SlackAttempt(status, null, null);
        }
    }

    private async Task<HttpResponseMessage> SendOnce(HttpClient http, Uri uri, string json, bool withToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (withToken)
        {
            request.Headers.Authorization = new("Bearer", options.Value.BotToken);
        }

        return await http.SendAsync(request, ct);
    }

    /// <summary>Slack's <c>Retry-After</c> in seconds (one second when it says nothing), at most a minute.</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
    }
}
