using System.Globalization;
using System.Net;
using System.Text;
using McsOps.Bot.Chat;
using McsOps.Bot.Chat.Dispatch;
using McsOps.Bot.Hosting;
using McsOps.Core;
using McsOps.Core.Configuration;
using McsOps.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>
/// The real service (ServiceHost, the store's owner, AddSlack, the dispatcher) on a temporary
/// data directory and a fake clock, with Slack pointed at a <see cref="FakeSlack"/> on 127.0.0.1.
/// The dispatcher's worker is left out: a test runs passes itself and moves the clock to the
/// instant the pass says is next, so pacing and back-off are exact and nothing sleeps.
/// Staff <c>R-001</c>…<c>R-nnn</c> are Slack users <c>UR001</c>…; S-0002 has no chat.
/// </summary>
internal sealed class DispatchWorld : IAsyncDisposable
{
    /// <summary>2026-11-26 10:00 in Tokyo, a Thursday, outside quiet hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private DispatchWorld(WebApplication app, FakeSlack slack, FakeTimeProvider clock, string dir)
    {
        _app = app;
        Slack = slack;
        Clock = clock;
        DataDirectory = dir;
    }

    public FakeSlack Slack { get; }

    public FakeTimeProvider Clock { get; }

    public string DataDirectory { get; }

    public StoreOwner Owner => _app.Services.GetRequiredService<StoreOwner>();

    public Dispatcher Dispatcher => _app.Services.GetRequiredService<Dispatcher>();

    public Settings Settings => _app.Services.GetRequiredService<Settings>();

    public static string SlackUser(int i) => "UR" + i.ToString("D3", CultureInfo.InvariantCulture);

    public static StaffCode Recipient(int i) => StaffCode.Parse("R-" + i.ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>
    /// A facility with <paramref name="recipients"/> Slack-linked staff, the service on it.
    /// <paramref name="delivery"/> is a platform before Slack, where the platform is not the point (pacing arithmetic).
    /// </summary>
    public static async Task<DispatchWorld> StartAsync(int recipients, IChatDelivery? delivery = null, DateTimeOffset? at = null, params string[] settings)
    {
        var dir = TestFacility.Create("admin");
        using (var store = TestFacility.Open(dir))
        {
            TestFacility.Import(store, "staff", StaffCsv(recipients));
        }

        var slack = await FakeSlack.Start();
        var clock = new FakeTimeProvider(at ?? Start);
        slack.Clock = clock;
        string[] args =
        [
            "--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            .. SlackSettings(slack),
            .. settings.Select(s => "--" + s),
        ];
        var builder = ServiceHost.CreateBuilder(args, etcFile: null);
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (delivery is not null)
        {
            builder.Services.AddSingleton(delivery);
        }

        var worker = builder.Services.SingleOrDefault(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(DispatcherWorker));
        if (worker is not null)
        {
            builder.Services.Remove(worker);
        }

        var app = ServiceHost.Build(builder);
        await app.StartAsync();
        var world = new DispatchWorld(app, slack, clock, dir);
        await world.WaitReadyAsync();
        return world;
    }

    public static string[] SlackSettings(FakeSlack slack) =>
        ["--Slack:SigningSecret=" + SlackWorld.Secret, "--Slack:BotToken=" + FakeSlack.Token, "--Slack:ApiBaseUrl=" + new Uri(slack.BaseUrl, "api/")];

    public static string StaffCsv(int recipients)
    {
        var csv = new StringBuilder("staff_code,facility_code,name,profession,slack_user_id\n");
        for (var i = 1; i <= recipients; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Recipient(i).Value},F-0001,受信者{i},nurse,{SlackUser(i)}\n");
        }

        return csv.ToString();
    }

    /// <summary>A message whose text is its key, so that what Slack received can be matched to the outbox.</summary>
    public static OutboxMessage Message(string key, StaffCode to, DateTimeOffset now, DateTimeOffset? notBefore = null, bool urgent = false) => new()
    {
        Key = key,
        Recipient = to,
        Kind = "test",
        Content = new MessageContent { Text = key },
        CreatedAt = now,
        NotBefore = notBefore ?? now,
        Urgent = urgent,
    };

    public void Enqueue(IEnumerable<OutboxMessage> messages)
    {
        var list = messages.ToList();
        Owner.Run(ops => ops.Store.Write(s => list.Count(s.Outbox.Enqueue))).Should().Be(list.Count);
    }

    public T Read<T>(Func<IStoreSession, T> query) => Owner.Run(ops => ops.Store.Read(query), mayChange: false);

    public OutboxMessage Outbox(string key) => Read(s => s.Outbox.Find(key))!;

    public IReadOnlyList<OutboxMessage> InState(OutboxState state) => Read(s => s.Outbox.ByState(state));

    /// <summary>
    /// Passes until nothing more is due, each time moving the clock to the instant the last pass
    /// named (at most <paramref name="until"/>); returns every pass.
    /// </summary>
    public async Task<List<DispatchPass>> DrainAsync(TimeSpan? until = null, int maxPasses = 10_000)
    {
        var end = Clock.GetUtcNow() + (until ?? TimeSpan.FromHours(6));
        var passes = new List<DispatchPass>();
        for (var i = 0; i < maxPasses; i++)
        {
            var pass = await Dispatcher.PassAsync(CancellationToken.None);
            passes.Add(pass);
            if (pass.NextAt is not { } next || next > end)
            {
                return passes;
            }

            if (next > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(next);
            }
        }

        throw new InvalidOperationException("the outbox did not drain in " + maxPasses + " passes");
    }

    /// <summary>The accepted <c>chat.postMessage</c> calls, by the text (= the key) they carried.</summary>
    public ILookup<string, FakeSlack.Received> Accepted() =>
        Slack.Calls("chat.postMessage").Where(r => r.Status == 200).ToLookup(r => r.Body["text"]!.ToString(), StringComparer.Ordinal);

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal))) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await http.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public McsOps.Core.Application.RemoteOpsClient Connect() => McsOps.Core.Application.RemoteOpsClient.TryConnect(Settings.SocketPath, Channel.Cli)
        ?? throw new InvalidOperationException("the admin socket does not answer");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
        TestFacility.Delete(DataDirectory);
    }
}
