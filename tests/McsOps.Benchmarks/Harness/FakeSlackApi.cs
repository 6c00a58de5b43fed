using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McsOps.Benchmarks.Harness;

/// <summary>
/// Slack's Web API as mcsops-bot calls it (<c>api/conversations.open</c>, <c>api/chat.postMessage</c>,
/// <c>api/chat.update</c>), answering <c>ok:true</c> at once on 127.0.0.1, so that a row measures
/// McsOps and not a network. Counts the calls and when the last one came.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;
    private long _lastCall = System.Diagnostics.Stopwatch.GetTimestamp();

    private FakeSlackApi(WebApplication app) => _app = app;

    public Uri ApiUrl { get; private set; } = null!;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How long ago the last call came (since the start when none came).</summary>
    public TimeSpan SinceLastCall => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastCall));

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        var ts = 0;
        app.MapPost("/api/{method}", async (string method, HttpContext ctx) =>
        {
            Interlocked.Increment(ref fake._calls);
            Interlocked.Exchange(ref fake._lastCall, System.Diagnostics.Stopwatch.GetTimestamp());
            var body = JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync()) as JsonObject ?? [];
            JsonObject answer = method switch
            {
                "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"] } },
                "chat.postMessage" => new() { ["ok"] = true, ["channel"] = body["channel"]?.ToString(), ["ts"] = $"1700000000.{Interlocked.Increment(ref ts):D6}" },
                "chat.update" => new() { ["ok"] = true, ["channel"] = body["channel"]?.ToString(), ["ts"] = body["ts"]?.ToString() },
                _ => new() { ["ok"] = false, ["error"] = "unknown_method" },
            };
            return Results.Text(answer.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        fake.ApiUrl = new Uri(app.Urls.Single() + "/api/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
