using System.Net.Http.Headers;
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
/// The Teams adapter of mcsops-bot (the same AddTeams/MapTeams the service wires) on real HTTP on
/// 127.0.0.1, on a seeded LiteDB store and a fake clock, against a <see cref="FakeTeams"/>. Staff
/// S-0001 (admin, owner of G-0042) is the Entra user <see cref="Admin"/>, S-0002 (nurse)
/// <see cref="Nurse"/>, S-0003 (external) <see cref="External"/>; all three are members of G-0042.
/// </summary>
internal sealed class TeamsWorld : IAsyncDisposable
{
    public const string Admin = "0a1b2c3d-0000-4000-8000-000000000001";
    public const string Nurse = "0a1b2c3d-0000-4000-8000-000000000002";
    public const string External = "0a1b2c3d-0000-4000-8000-000000000003";
    public const string Unlinked = "0a1b2c3d-0000-4000-8000-000000000099";
    public const string Bot = "28:" + FakeTeams.AppId;

    private readonly TestStore _store = new();
    private readonly List<string> _responses = [];
    private WebApplication? _app;
    private Uri? _address;
    private int _activityIds;

    private TeamsWorld(FakeTeams teams)
    {
        Teams = teams;
        ChatSeed.Seed(_store, "teams_user_id", Admin, Nurse, External);
    }

    public FakeTeams Teams { get; }

    public FakeTimeProvider Clock => _store.Time;

    public IStore Store => _store.Store;

    public IServiceProvider Services => _app!.Services;

    public long AuditCount => Store.Read(s => s.Audit.Count());

    /// <summary>Every body the bot answered with, for the privacy check.</summary>
    public IReadOnlyList<string> Responses
    {
        get
        {
            lock (_responses)
            {
                return [.. _responses];
            }
        }
    }

    /// <summary>Everything that left the bot: what the fake Teams received and what the bot answered.</summary>
    public IEnumerable<string> Outgoing => Teams.All.Select(r => r.Raw).Concat(Responses);

    /// <param name="settings">More settings (<c>Chat:MaxRequestsPerUserPerMinute=2</c>), after the fake's.</param>
    public static async Task<TeamsWorld> Start(params string[] settings)
    {
        var world = new TeamsWorld(await FakeTeams.Start());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var setting in world.Teams.Settings.Concat(settings))
        {
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            builder.Configuration[setting[..at]] = setting[(at + 1)..];
        }

        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(world.Store);
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.AddTeams(builder.Configuration);
        world._app = builder.Build();
        world._app.UseRateLimiter();
        world._app.MapTeams();
        await world._app.StartAsync();
        world._address = new Uri(world._app.Urls.First());
        return world;
    }

    public HttpClient CreateClient() => new() { BaseAddress = _address };

    /// <summary>A valid Connector token for now (the world's clock).</summary>
    public string Token() => Teams.Token(Clock.GetUtcNow());

    /// <summary>POSTs an activity to <c>/api/messages</c> with this bearer token (a valid one unless given; none when <paramref name="token"/> is empty).</summary>
    public async Task<(int Status, string Body)> Send(JsonObject activity, string? token = null) =>
        await SendRaw(activity.ToJsonString(), token);

    public async Task<(int Status, string Body)> SendRaw(string body, string? token = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        token ??= Token();
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        lock (_responses)
        {
            _responses.Add(text);
        }

        return ((int)response.StatusCode, text);
    }

    public static string ChatUserOf(string aad) => "29:1" + aad.Replace("-", string.Empty, StringComparison.Ordinal);

    public static string ConversationOf(string aad) => "a:1personal-" + aad[^4..];

    /// <summary>An activity from <paramref name="user"/> in their 1:1 chat with the bot, as the Connector sends it.</summary>
    public JsonObject Activity(string type, string user, string? serviceUrl = null, string channel = "msteams") => new()
    {
        ["type"] = type,
        ["id"] = "1" + Interlocked.Increment(ref _activityIds).ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
        ["timestamp"] = Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["localTimestamp"] = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl ?? Teams.ServiceUrl,
        ["channelId"] = channel,
        ["from"] = new JsonObject { ["id"] = ChatUserOf(user), ["name"] = "someone", ["aadObjectId"] = user },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = FakeTeams.TenantId, ["id"] = ConversationOf(user) },
        ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "McsOps" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "ja-JP", ["country"] = "JP", ["platform"] = "Windows" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeTeams.TenantId } },
        ["locale"] = "ja-JP",
    };

    /// <summary>A message typed to the bot.</summary>
    public JsonObject Message(string user, string text)
    {
        var activity = Activity("message", user);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>An <c>Action.Execute</c> click on the card <paramref name="cardId"/>: the button's data with the card's inputs merged in.</summary>
    public JsonObject Click(string user, string actionId, string value, string cardId, string? justification = null)
    {
        var data = new JsonObject { ["action"] = actionId, ["value"] = value };
        if (justification is not null)
        {
            data[ChatActions.Justification] = justification;
        }

        var activity = Activity("invoke", user);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "x", ["verb"] = actionId, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>The bot installed in the user's personal scope.</summary>
    public JsonObject BotAdded(string user)
    {
        var activity = Activity("conversationUpdate", user);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Bot });
        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Teams.DisposeAsync();
        _store.Dispose();
    }
}
