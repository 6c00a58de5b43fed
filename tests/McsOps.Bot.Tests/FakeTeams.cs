using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McsOps.Bot.Tests;

/// <summary>
/// The Microsoft side of a Teams bot, on 127.0.0.1 over real HTTP, modelled on the documented
/// payloads: the Bot Connector's OpenID metadata and key set (RSA keys generated here, each with
/// its <c>endorsements</c>), an Entra token endpoint (client credentials), and the v3
/// conversation routes (create a conversation, post, reply, update), which check the bearer
/// token it issued. It signs activity tokens as the Connector does (<see cref="Token"/>), records
/// every request, and <see cref="Next"/> scripts one answer of a route (429 with
/// <c>Retry-After</c>, 5xx, 413…).
/// </summary>
internal sealed class FakeTeams : IAsyncDisposable
{
    public const string AppId = "5b8f6c1e-2d4a-4e7b-9c3f-0a1b2c3d4e5f";
    public const string AppPassword = "fake-client-secret~0123456789";
    public const string TenantId = "72f988bf-0000-4000-8000-00000000beef";
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int? RetryAfter)>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly List<(string Kid, RSA Key, string[] Endorsements)> _published = [];
    private readonly Queue<long> _tenantCalls = new();
    private readonly Dictionary<string, Queue<long>> _conversationCalls = new(StringComparer.Ordinal);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ids;
    private int _metadataFetches;
    private int _keyFetches;
    private int _disposed;

    private FakeTeams(WebApplication app)
    {
        _app = app;
        Publish("connector-key-1", Signing, "msteams", "skype");
        Publish("webchat-key-2", WebChatKey, "webchat");
    }

    /// <summary>One request: the route name (<c>token</c>, <c>create</c>, <c>post</c>, <c>reply</c>, <c>update</c>), the path, the raw body, the answer's status.</summary>
    public sealed record Received(string Route, string Path, string Raw, int Status, string Answer)
    {
        /// <summary>When it arrived (<see cref="Stopwatch"/> ticks).</summary>
        public long Timestamp { get; } = Stopwatch.GetTimestamp();

        public JsonObject Body => JsonNode.Parse(Raw) as JsonObject ?? [];
    }

    /// <summary>The Connector's key, endorsed for <c>msteams</c>.</summary>
    public RSA Signing { get; } = RSA.Create(2048);

    /// <summary>A published key endorsed for <c>webchat</c> only.</summary>
    public RSA WebChatKey { get; } = RSA.Create(2048);

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The service URL the fake Connector gives in activities (its own address).</summary>
    public string ServiceUrl => BaseUrl.ToString();

    public Uri MetadataUrl => new(BaseUrl, ".well-known/openidconfiguration");

    public Uri TokenUrl => new(BaseUrl, TenantId + "/oauth2/v2.0/token");

    public int MetadataFetches => _metadataFetches;

    public int KeyFetches => _keyFetches;

    public IReadOnlyList<Received> All => [.. _received];

    public IEnumerable<Received> Calls(string route) => All.Where(r => r.Route == route);

    /// <summary>The bot's settings pointing at this fake (<c>Key=value</c>).</summary>
    public string[] Settings =>
    [
        "Teams:AppId=" + AppId, "Teams:AppPassword=" + AppPassword, "Teams:TenantId=" + TenantId,
        "Teams:OpenIdMetadataUrl=" + MetadataUrl, "Teams:TokenEndpoint=" + TokenUrl, "Teams:AllowedServiceUrls:0=" + ServiceUrl,
    ];

    public static async Task<FakeTeams> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTeams(app);
        app.MapGet("/.well-known/openidconfiguration", fake.Metadata);
        app.MapGet("/keys", fake.Keys);
        app.MapPost("/{tenant}/oauth2/v2.0/token", fake.IssueToken);
        app.MapPost("/v3/conversations", (HttpContext ctx) => fake.Connector("create", ctx));
        app.MapPost("/v3/conversations/{id}/activities", (HttpContext ctx) => fake.Connector("post", ctx));
        app.MapPost("/v3/conversations/{id}/activities/{replyTo}", (HttpContext ctx) => fake.Connector("reply", ctx));
        app.MapPut("/v3/conversations/{id}/activities/{activity}", (HttpContext ctx) => fake.Connector("update", ctx));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.Single() + "/");
        return fake;
    }

    /// <summary>Adds a key to the published set (a key rotation).</summary>
    public void Publish(string kid, RSA key, params string[] endorsements)
    {
        lock (_published)
        {
            _published.Add((kid, key, endorsements));
        }
    }

    /// <summary>
    /// When set, a Connector call that would exceed the documented limits — 30 per second per
    /// tenant (this fake has one), 7 per second per conversation, in real time — is answered 429
    /// with <c>Retry-After: 1</c> instead.
    /// </summary>
    public bool EnforceRateLimits { get; set; }

    /// <summary>The next call of <paramref name="route"/> gets this status (and <c>Retry-After</c>) instead of the usual answer.</summary>
    public void Next(string route, int status, int? retryAfterSeconds = null) =>
        _scripted.GetOrAdd(route, _ => new()).Enqueue((status, retryAfterSeconds));

    /// <summary>
    /// A Connector token for an activity: RS256 with <paramref name="key"/> (the msteams key unless
    /// given) under <paramref name="kid"/>; each claim can be replaced to make it wrong.
    /// </summary>
    public string Token(DateTimeOffset now, string? serviceUrl = null, string? issuer = Issuer, string? audience = AppId, TimeSpan? expiresIn = null,
        string kid = "connector-key-1", RSA? key = null, string alg = "RS256", DateTimeOffset? notBefore = null)
    {
        var header = new JsonObject { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT", ["x5t"] = kid };
        var payload = new JsonObject
        {
            ["serviceurl"] = serviceUrl ?? ServiceUrl,
            ["nbf"] = (notBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["exp"] = now.Add(expiresIn ?? TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
        };
        if (issuer is not null)
        {
            payload["iss"] = issuer;
        }

        if (audience is not null)
        {
            payload["aud"] = audience;
        }

        var signingInput = B64(header.ToJsonString()) + "." + B64(payload.ToJsonString());
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = alg switch
        {
            "RS256" => (key ?? Signing).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            // The classic confusion attack: HMAC keyed with the public key, as a library that trusts 'alg' would verify it.
            "HS256" => HMACSHA256.HashData(Encoding.ASCII.GetBytes((key ?? Signing).ExportSubjectPublicKeyInfoPem()), data),
            _ => [],
        };
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string B64(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> calls of <paramref name="route"/> have arrived; returns the last of them.</summary>
    public async Task<Received> WaitFor(string route, int count = 1, int seconds = 10)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var signal = Volatile.Read(ref _arrived).Task;
            var calls = Calls(route).ToList();
            if (calls.Count >= count)
            {
                return calls[count - 1];
            }

            var left = TimeSpan.FromSeconds(seconds) - waited.Elapsed;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left)) != signal)
            {
                throw new TimeoutException($"the fake Teams did not receive {count} × {route}; it received: {string.Join(", ", All.Select(r => r.Route))}");
            }
        }
    }

    private IResult Metadata()
    {
        Interlocked.Increment(ref _metadataFetches);
        return Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(BaseUrl, "keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private IResult Keys()
    {
        Interlocked.Increment(ref _keyFetches);
        var keys = new JsonArray();
        lock (_published)
        {
            foreach (var (kid, key, endorsements) in _published)
            {
                var p = key.ExportParameters(false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = kid,
                    ["x5t"] = kid,
                    ["n"] = Base64Url.EncodeToString(p.Modulus),
                    ["e"] = Base64Url.EncodeToString(p.Exponent),
                    ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
                });
            }
        }

        return Results.Json(new JsonObject { ["keys"] = keys });
    }

    private async Task IssueToken(HttpContext ctx)
    {
        var form = await ctx.Request.ReadFormAsync();
        var raw = string.Join('&', form.Select(f => f.Key + "=" + (f.Key == "client_secret" ? "***" : f.Value.ToString())));
        var ok = form["grant_type"] == "client_credentials" && form["client_id"] == AppId && form["client_secret"] == AppPassword
            && form["scope"] == "https://api.botframework.com/.default";
        if (Scripted("token") is { } scripted)
        {
            await Answer(ctx, "token", ctx.Request.Path, raw, scripted.Status, scripted.RetryAfter, "{\"error\":\"temporarily_unavailable\"}");
            return;
        }

        if (!ok)
        {
            await Answer(ctx, "token", ctx.Request.Path, raw, 401, null, "{\"error\":\"invalid_client\"}");
            return;
        }

        var token = "fake-access-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        _tokens[token] = 0;
        await Answer(ctx, "token", ctx.Request.Path, raw, 200, null,
            new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = token }.ToJsonString());
    }

    private async Task Connector(string route, HttpContext ctx)
    {
        var raw = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        var auth = ctx.Request.Headers.Authorization.ToString();
        var authorised = auth.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.ContainsKey(auth["Bearer ".Length..]);
        if (Scripted(route) is { } scripted)
        {
            await Answer(ctx, route, ctx.Request.Path, raw, scripted.Status, scripted.RetryAfter, "{\"error\":{\"code\":\"scripted\",\"message\":\"scripted\"}}");
            return;
        }

        if (!authorised)
        {
            await Answer(ctx, route, ctx.Request.Path, raw, 401, null, "{\"error\":{\"code\":\"Unauthorized\"}}");
            return;
        }

        if (EnforceRateLimits && OverTheLimits(ctx.Request.RouteValues["id"]?.ToString()))
        {
            await Answer(ctx, route, ctx.Request.Path, raw, 429, 1, "{\"error\":{\"code\":\"TooManyRequests\"}}");
            return;
        }

        var id = route == "create" ? "a:1fake-conversation-" + Interlocked.Increment(ref _ids) : "1" + Interlocked.Increment(ref _ids).ToString("D12", CultureInfo.InvariantCulture);
        if (route == "update")
        {
            id = ctx.Request.RouteValues["activity"]?.ToString() ?? id;
        }

        await Answer(ctx, route, ctx.Request.Path, raw, route == "create" ? 201 : 200, null, new JsonObject { ["id"] = id }.ToJsonString());
    }

    /// <summary>Counts the call unless it is one too many in the last second, for the tenant or for the conversation.</summary>
    private bool OverTheLimits(string? conversation)
    {
        lock (_tenantCalls)
        {
            var now = Stopwatch.GetTimestamp();
            var secondAgo = now - Stopwatch.Frequency;
            var inConversation = conversation is null ? null : _conversationCalls.TryGetValue(conversation, out var q) ? q : _conversationCalls[conversation] = new();
            foreach (var window in new[] { _tenantCalls, inConversation })
            {
                while (window is { Count: > 0 } && window.Peek() <= secondAgo)
                {
                    window.Dequeue();
                }
            }

            if (_tenantCalls.Count >= 30 || inConversation?.Count >= 7)
            {
                return true;
            }

            _tenantCalls.Enqueue(now);
            inConversation?.Enqueue(now);
            return false;
        }
    }

    private (int Status, int? RetryAfter)? Scripted(string route) =>
        _scripted.TryGetValue(route, out var queue) && queue.TryDequeue(out var s) ? s : null;

    private async Task Answer(HttpContext ctx, string route, string path, string raw, int status, int? retryAfter, string body)
    {
        _received.Enqueue(new Received(route, Uri.UnescapeDataString(path), raw, status, body));
        Interlocked.Exchange(ref _arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        ctx.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        Signing.Dispose();
        WebChatKey.Dispose();
    }
}
