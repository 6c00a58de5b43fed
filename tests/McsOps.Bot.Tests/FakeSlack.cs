using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McsOps.Bot.Tests;

/// <summary>
/// Slack's Web API as McsOps uses it, on 127.0.0.1 over real HTTP: <c>api/conversations.open</c>,
/// <c>api/chat.postMessage</c>, <c>api/chat.update</c> (answering like Slack's documented
/// responses, checking the bot token) and <c>response/{id}</c> for response URLs. It records every
/// request; <see cref="Next"/> scripts one answer (a 429 with <c>Retry-After</c>, an <c>ok:false</c>).
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    public const string Token = "xoxb-test-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, int? RetryAfter)>> _scripted = new(StringComparer.Ordinal);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ts;
    private int _calls;

    private FakeSlack(WebApplication app) => _app = app;

    /// <summary>One request: the method (<c>chat.update</c>) or <c>response</c>, its JSON body, and the answer it got.</summary>
    public sealed record Received(string Method, JsonObject Body, string Raw, int Status, JsonObject? Answer)
    {
        /// <summary>When it arrived on <see cref="Clock"/> (the bot's fake clock, when a test gives one).</summary>
        public DateTimeOffset At { get; init; }
    }

    /// <summary>The clock requests are stamped with (<see cref="Received.At"/>).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every <c>Every</c>-th Web API call (any method) is answered 429 with <c>Retry-After: RetryAfter</c>.</summary>
    public (int Every, int RetryAfter)? Throttle { get; set; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ResponseUrl(int id) => new(BaseUrl, $"response/{id}");

    public IReadOnlyList<Received> All => [.. _received];

    public IEnumerable<Received> Calls(string method) => All.Where(r => r.Method == method);

    public static async Task<FakeSlack> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.MapPost("/api/{method}", (string method, HttpContext ctx) => fake.Api(method, ctx));
        app.MapPost("/response/{id}", (HttpContext ctx) => fake.Api("response", ctx));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.Single() + "/");
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the usual one.</summary>
    public void Next(string method, HttpStatusCode status, string body, int? retryAfterSeconds = null) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue(((int)status, body, retryAfterSeconds));

    /// <summary>Waits (real time, bounded) until a request matching <paramref name="match"/> has arrived.</summary>
    public async Task<Received> WaitFor(Func<Received, bool> match, int seconds = 10)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var signal = Volatile.Read(ref _arrived).Task;
            if (All.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = TimeSpan.FromSeconds(seconds) - waited.Elapsed;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left)) != signal)
            {
                throw new TimeoutException($"the fake Slack did not receive the expected request; it received: {string.Join(", ", All.Select(r => r.Method))}");
            }
        }
    }

    /// <summary>Waits for the <paramref name="count"/>-th call of <paramref name="method"/> and returns it.</summary>
    public async Task<Received> WaitFor(string method, int count = 1, int seconds = 10)
    {
        await WaitFor(_ => Calls(method).Count() >= count, seconds);
        return Calls(method).ElementAt(count - 1);
    }

    private async Task Api(string method, HttpContext ctx)
    {
        var raw = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        var body = JsonNode.Parse(raw) as JsonObject ?? [];
        var call = method == "response" ? 0 : Interlocked.Increment(ref _calls);
        var (status, answer, retryAfter) = Throttle is { } t && call > 0 && call % t.Every == 0
            ? (429, """{"ok":false,"error":"ratelimited"}""", t.RetryAfter)
            : _scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : (200, Answer(method, body, ctx.Request.Headers.Authorization.ToString()).ToJsonString(), (int?)null);
        _received.Enqueue(new Received(method, body, raw, status, JsonNode.Parse(answer) as JsonObject) { At = Clock.GetUtcNow() });
        Interlocked.Exchange(ref _arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        ctx.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            ctx.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(answer);
    }

    private JsonObject Answer(string method, JsonObject body, string authorization)
    {
        if (method != "response" && authorization != "Bearer " + Token)
        {
            return new() { ["ok"] = false, ["error"] = "not_authed" };
        }

        var channel = body["channel"]?.ToString();
        return method switch
        {
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"] } },
            "chat.postMessage" => new() { ["ok"] = true, ["channel"] = channel, ["ts"] = $"1700000000.{Interlocked.Increment(ref _ts):D6}", ["message"] = new JsonObject() },
            "chat.update" => new() { ["ok"] = true, ["channel"] = channel, ["ts"] = body["ts"]?.ToString(), ["text"] = body["text"]?.ToString() },
            "response" => new() { ["ok"] = true },
            _ => new() { ["ok"] = false, ["error"] = "unknown_method" },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
