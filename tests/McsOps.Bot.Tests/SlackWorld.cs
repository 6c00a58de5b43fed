using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using McsOps.Core;
using McsOps.Core.Storage;
using McsOps.Core.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>
/// The Slack adapter of mcsops-bot (the same AddSlack/MapSlack the service wires) on real HTTP on
/// 127.0.0.1, on a seeded LiteDB store and a fake clock, configured against a <see cref="FakeSlack"/>. Staff S-0001
/// (admin, owner of G-0042) is Slack <see cref="Admin"/>, S-0002 (nurse) <see cref="Nurse"/>,
/// S-0003 (external) <see cref="External"/>; all three are active members of G-0042.
/// </summary>
internal sealed class SlackWorld : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Admin = "UADMIN001";
    public const string Nurse = "UNURSE002";
    public const string External = "UEXTRN003";
    public const string Unlinked = "UNKNOWN99";

    /// <summary>The patients' names and kana and the groups' names in MCS of the seed: none may reach Slack.</summary>
    public static readonly string[] PersonalData = ChatSeed.PersonalData;

    private readonly TestStore _store = new();
    private readonly List<string> _responses = [];
    private WebApplication? _app;
    private Uri? _address;

    private SlackWorld(FakeSlack slack, FakeTimeProvider? clock)
    {
        Slack = slack;
        Clock = clock ?? _store.Time;
        ChatSeed.Seed(_store, "slack_user_id", Admin, Nurse, External);
    }

    public FakeSlack Slack { get; }

    /// <summary>Everything the bot logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The bot's clock (signatures, operations): the store's unless a test gives another.</summary>
    public FakeTimeProvider Clock { get; }

    public IStore Store => _store.Store;

    public long AuditCount => Store.Read(s => s.Audit.Count());

    /// <summary>Every body the bot answered with, for the privacy check.</summary>
    public IReadOnlyList<string> Responses => _responses;

    /// <summary>A world whose bot clock is the store's (2026-11-26).</summary>
    public static async Task<SlackWorld> Start() => await Start(null);

    /// <summary>A world whose bot clock starts at <paramref name="clock"/> (the documented example's 2018 timestamp).</summary>
    public static async Task<SlackWorld> Start(FakeTimeProvider? clock, string? secret = Secret, params (string Key, string Value)[] settings)
    {
        var world = new SlackWorld(await FakeSlack.Start(), clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Slack:SigningSecret"] = secret;
        builder.Configuration["Slack:BotToken"] = FakeSlack.Token;
        builder.Configuration["Slack:ApiBaseUrl"] = new Uri(world.Slack.BaseUrl, "api/").ToString();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.Logging.ClearProviders().AddProvider(world.Logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(world.Store);
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddSlack(builder.Configuration);
        world._app = builder.Build();
        world._app.UseRateLimiter();
        world._app.MapSlack();
        await world._app.StartAsync();
        world._address = new Uri(world._app.Urls.First());
        return world;
    }

    public HttpClient CreateClient() => new() { BaseAddress = _address };

    public static string Sign(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    public string Now => Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>POSTs a form body signed as Slack signs it (or with the given headers).</summary>
    public async Task<(int Status, string Body)> Post(string path, string body, string? timestamp = null, string? signature = null, bool sign = true, string? forwardedFor = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (sign)
        {
            timestamp ??= Now;
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature ?? Sign(Secret, timestamp, body));
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        lock (_responses)
        {
            _responses.Add(text);
        }

        return ((int)response.StatusCode, text);
    }

    /// <summary>A slash command as Slack sends it (the documented fields).</summary>
    public Task<(int Status, string Body)> Command(string user, string command, string text) => Post("/slack/commands", Form(
        ("token", "gIkuvaNzQIHg97ATvDxqgjtO"), ("team_id", "T0001"), ("team_domain", "yamada-clinic"), ("channel_id", "C2147483705"), ("channel_name", "general"),
        ("user_id", user), ("user_name", "someone"), ("command", command), ("text", text), ("api_app_id", "A123456"),
        ("response_url", Slack.ResponseUrl(1).ToString()), ("trigger_id", "13345224609.738474920.8088930838d88f008e0")));

    /// <summary>A button click (<c>block_actions</c>) on a message, with the text in its input box.</summary>
    public Task<(int Status, string Body)> Click(string user, string actionId, string value, (string Channel, string Ts) message, string? input = null, bool ephemeral = false)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["team_id"] = "T0001" },
            ["api_app_id"] = "A123456",
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = message.Channel, ["is_ephemeral"] = ephemeral },
            ["trigger_id"] = "12466734323.1395872398",
            ["team"] = new JsonObject { ["id"] = "T0001", ["domain"] = "yamada-clinic" },
            ["channel"] = new JsonObject { ["id"] = message.Channel, ["name"] = "directmessage" },
            ["response_url"] = Slack.ResponseUrl(2).ToString(),
            ["state"] = new JsonObject { ["values"] = new JsonObject { ["input"] = new JsonObject { ["justification"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = input } } } },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId, ["block_id"] = "b1", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" },
                ["value"] = value, ["type"] = "button", ["action_ts"] = "1548426417.840180",
            }),
        };
        return Post("/slack/interactivity", Form(("payload", payload.ToJsonString())));
    }

    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));

    /// <summary>Everything that left the bot: what the fake Slack received and what the bot answered.</summary>
    public IEnumerable<string> Outgoing => Slack.All.Select(r => r.Raw).Concat(Responses);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Slack.DisposeAsync();
        _store.Dispose();
    }
}
