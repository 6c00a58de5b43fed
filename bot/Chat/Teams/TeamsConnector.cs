using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// The Bot Connector's v3 REST routes McsOps calls — reply, update, new 1:1 conversation, post —
/// with the bot's client-credentials token (from <c>Teams:TokenEndpoint</c>, cached and renewed
/// five minutes before it expires). The token goes only to a service URL in
/// <c>Teams:AllowedServiceUrls</c>. Platform answers (429, 5xx, 4xx) are returned, not thrown;
/// only the network (a refused connection, a timeout) throws.
/// </summary>
internal sealed class TeamsConnector(IHttpClientFactory clients, IOptions<TeamsOptions> options, TimeProvider time) : IDisposable
{
    public const string Client = "teams";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _token;

    /// <summary><c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>: a new message in the conversation, as a reply when <paramref name="replyToId"/> is given.</summary>
    public Task<TeamsAnswer> Post(string serviceUrl, string conversation, string? replyToId, JsonObject activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = "v3/conversations/" + Uri.EscapeDataString(conversation) + "/activities" + (replyToId is null ? string.Empty : "/" + Uri.EscapeDataString(replyToId));
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return Send(HttpMethod.Post, serviceUrl, path, activity, ct);
    }

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>: replaces a message the bot sent.</summary>
    public Task<TeamsAnswer> Update(string serviceUrl, string conversation, string activityId, JsonObject activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["id"] = activityId;
        var path = "v3/conversations/" + Uri.EscapeDataString(conversation) + "/activities/" + Uri.EscapeDataString(activityId);
        return Send(HttpMethod.Put, serviceUrl, path, activity, ct);
    }

    /// <summary><c>POST /v3/conversations</c>: the 1:1 conversation between the bot and this user (Teams returns the existing one).</summary>
    public Task<TeamsAnswer> CreateConversation(string serviceUrl, string chatUserId, string? tenant, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = "28:" + options.Value.AppId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = chatUserId }),
            ["isGroup"] = false,
        };
        if (tenant is not null)
        {
            body["tenantId"] = tenant;
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        }

        return Send(HttpMethod.Post, serviceUrl, "v3/conversations", body, ct);
    }

    private async Task<TeamsAnswer> Send(HttpMethod method, string serviceUrl, string path, JsonObject body, CancellationToken ct)
    {
        if (!options.Value.IsAllowedServiceUrl(serviceUrl))
        {
            return TeamsAnswer.NotAllowed;
        }

        var (token, refused) = await Token(ct);
        if (token is null)
        {
            return refused!;
        }

        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(body.ToJsonString(TeamsCards.Json), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await clients.CreateClient(Client).SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A token the Connector no longer takes: the next call gets a new one.
            _token = null;
        }

        return new TeamsAnswer(response.StatusCode, response.IsSuccessStatusCode ? await IdIn(response, ct) : null, RetryAfter(response));
    }

    /// <summary>The cached token, or a new one; null and the token endpoint's answer when it refused.</summary>
    private async Task<(string? Token, TeamsAnswer? Refused)> Token(CancellationToken ct)
    {
        if (_token is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return (cached.Token, null);
        }

        await _tokenGate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_token is { } again && now < again.RenewAt)
            {
                return (again.Token, null);
            }

            var o = options.Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId ?? string.Empty,
                ["client_secret"] = o.AppPassword ?? string.Empty,
                ["scope"] = TeamsOptions.ConnectorScope,
            });
            using var response = await clients.CreateClient(Client).PostAsync(o.TokenUrl, form, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (null, new TeamsAnswer(response.StatusCode, null, RetryAfter(response)));
            }

            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var at) || at.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("expires_in", out var exp) || !TryNumber(exp, out var seconds))
            {
                return (null, new TeamsAnswer(HttpStatusCode.BadGateway, null, null));
            }

            var renewAt = now + TimeSpan.FromSeconds(seconds) - RenewBefore;
            _token = (at.GetString()!, renewAt);
            return (at.GetString(), null);
        }
        catch (JsonException)
        {
            return (null, new TeamsAnswer(HttpStatusCode.BadGateway, null, null));
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary><c>expires_in</c>: a number, or (as some endpoints write it) a string of one.</summary>
    private static bool TryNumber(JsonElement e, out long value)
    {
        value = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetInt64(out value) && value > 0,
            JsonValueKind.String => long.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0,
            _ => false,
        };
    }

    private static async Task<string?> IdIn(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public void Dispose() => _tokenGate.Dispose();
}
