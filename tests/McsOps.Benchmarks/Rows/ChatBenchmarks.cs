using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>slack.ack</c>: 2,000 signed slash commands (<c>/review</c> from linked staff, each with its own
/// signature and timestamp), 50 at a time, after 100 for warm-up, against the real
/// <c>mcsops-bot</c> process on loopback (a copy of the imported set, Slack pointed at a fake Web
/// API). One sample is one request, sent to its complete answer; the target is on p99.
/// </summary>
internal sealed class SlackAckBenchmark : IBenchmark
{
    private const string Secret = "bench-signing-secret";
    private const int Requests = 2_000;
    private const int Warmup = 100;
    private const int Concurrency = 50;

    /// <summary>Answers that are not the command's: "slow down" (the per-user limit) and "something went wrong" (a full reply queue).</summary>
    private static readonly string[] NotAnswers = [McsOps.Core.Text.Get(McsOps.Core.Lang.Ja, "chat.slowdown"), McsOps.Core.Text.Get(McsOps.Core.Lang.Ja, "chat.error")];

    public string Name => "slack.ack";

    public string Target(ScaleProfile scale) => "p99 ≤ 100 ms";

    public Outcome Run(BenchmarkContext context) => RunAsync(context).GetAwaiter().GetResult();

    private static async Task<Outcome> RunAsync(BenchmarkContext context)
    {
        var dir = context.CopyOfImported();
        List<string> users;
        var policy = new McsOps.Core.Scheduling.PolicySettings { Zone = context.Zone };
        using (var store = McsOps.Core.Storage.LiteDb.LiteDbStore.Open(Path.Combine(dir, "mcsops.db"), Path.Combine(dir, "mcsops.key"), context.Time, policy))
        {
            users = SlackUsers(store);
            // The sweep the service runs at start, done here (set-up, not timed): the service's own finds nothing new.
            var swept = new McsOps.Core.Sweeper(policy).Run(store, context.Time.GetUtcNow());
            context.Log(Figures.Invariant($"slack.ack: set-up sweep opened {swept.ReviewsOpened} reviews, {swept.MessagesEnqueued} messages"));
        }

        if (users.Count == 0)
        {
            return Outcome.Error("the data set has no Slack-linked staff");
        }

        await using var slack = await FakeSlackApi.StartAsync();
        var port = McsOps.Bot.Tests.Programs.FreePort();
        using var bot = StartBot(dir, port, slack.ApiUrl);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await McsOps.Bot.Tests.Programs.WaitReadyAsync(http, bot);
            // The service delivers what the set-up sweep wrote: measure once Slack has heard nothing for 3 s.
            var settle = Stopwatch.StartNew();
            while ((settle.Elapsed < TimeSpan.FromSeconds(3) || slack.SinceLastCall < TimeSpan.FromSeconds(3)) && settle.Elapsed < TimeSpan.FromSeconds(180))
            {
                await Task.Delay(100);
            }

            context.Log(Figures.Invariant($"slack.ack: service ready, start-up dispatch settled ({slack.Calls} Slack calls, {settle.Elapsed.TotalSeconds:0} s); {Warmup} warm-up requests"));
            var failures = 0;
            await Batch(http, users, 0, Warmup, context.Time, _ => { }, () => Interlocked.Increment(ref failures));
            failures = 0;
            var samples = new Samples();
            var total = Stopwatch.StartNew();
            await Batch(http, users, Warmup, Requests, context.Time, elapsed => { lock (samples) { samples.Add(elapsed); } }, () => Interlocked.Increment(ref failures));
            total.Stop();
            var p99 = samples.Percentile(0.99);
            var note = Figures.Invariant($"{Requests:N0} signed /review commands, {Concurrency} at a time after {Warmup} warm-up, to mcsops-bot on loopback; p50 {samples.MedianMs:0.0} ms, max {samples.MaxMs:0.0} ms, {Requests / total.Elapsed.TotalSeconds:0} req/s")
                + (failures > 0 ? Figures.Invariant($"; {failures} answers were not 200 with an ephemeral reply to the command") : "")
                + Figures.Miss(p99, 100);
            return new Outcome(true, samples.MedianMs, p99, p99, "ms", null, p99 <= 100 && failures == 0, note);
        }
        finally
        {
            await StopAsync(bot);
            context.Delete(dir);
        }
    }

    /// <summary>The Slack member ids of the first 200 Slack-linked staff: who sends the commands.</summary>
    internal static List<string> SlackUsers(McsOps.Core.Storage.IStore store) =>
        [.. store.Read(s => s.Staff.All()).Select(x => x.SlackUserId).OfType<string>().Take(200)];

    /// <summary>Requests <paramref name="first"/>… (<paramref name="count"/> of them), <see cref="Concurrency"/> in flight at a time.</summary>
    internal static async Task Batch(HttpClient http, List<string> users, int first, int count, TimeProvider time, Action<TimeSpan> sample, Action failed)
    {
        var next = first - 1;
        var end = first + count;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < end)
            {
                using var request = Command(users[i % users.Count], i, time);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                sample(Stopwatch.GetElapsedTime(start));
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains("ephemeral", StringComparison.Ordinal) || NotAnswers.Any(t => body.Contains(t, StringComparison.Ordinal)))
                {
                    failed();
                }
            }
        })));
    }

    /// <summary>A slash command as Slack sends it, signed: <c>v0=</c> + HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.</summary>
    private static HttpRequestMessage Command(string user, int i, TimeProvider time)
    {
        var body = string.Join('&', new[]
        {
            ("token", "bench"), ("team_id", "T0001"), ("team_domain", "bench"), ("channel_id", "C0001"), ("channel_name", "general"),
            ("user_id", user), ("user_name", "bench"), ("command", "/review"), ("text", ""), ("api_app_id", "A0001"),
            ("response_url", "http://127.0.0.1:9/response"), ("trigger_id", Figures.Invariant($"{i}.{i}.bench")),
        }.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    /// <summary>The real mcsops-bot (built beside the harness) on <paramref name="dir"/>, Slack pointed at <paramref name="slackApi"/>.</summary>
    internal static Process StartBot(string dir, int port, Uri slackApi)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "mcsops-bot.dll"), "--McsOps:DataDirectory=" + dir, Figures.Invariant($"--urls=http://127.0.0.1:{port}"),
            "--Logging:LogLevel:Default=Warning", "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=xoxb-bench", "--Slack:ApiBaseUrl=" + slackApi,
            // Each user sends 10–40 commands within seconds: far over the per-user limit (which answers "slow down"), raised so every request is served.
            "--Chat:MaxRequestsPerUserPerMinute=100000",
        })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGTERM (a clean stop that releases the database), then SIGKILL if it does not end.</summary>
    internal static async Task StopAsync(Process bot)
    {
        if (bot.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", bot.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await bot.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bot.Kill(entireProcessTree: true);
        }
    }
}

/// <summary>
/// <c>teams.ack</c>: 2,000 Bot Framework message activities (<c>help</c> from 50 users), each with a
/// Connector token signed RS256, 50 at a time, after 100 for warm-up, against the real mcsops-bot
/// host (ServiceHost, the imported data set) on loopback, configured against a fake Teams on
/// 127.0.0.1. The time of one request is from sending it to its 200 (the token verified, the
/// activity parsed, the reference refreshed, the command answered and its reply queued).
/// </summary>
internal sealed class TeamsAckBenchmark : IBenchmark
{
    public const int Requests = 2000;
    public const int WarmUp = 100;
    public const int Concurrency = 50;
    public const double TargetP99Ms = 100;

    public string Name => "teams.ack";

    public string Target(ScaleProfile scale) => "p99 ≤ 100 ms";

    public Outcome Run(BenchmarkContext context) => OperatingSystem.IsLinux()
        ? RunAsync(context).GetAwaiter().GetResult()
        : Outcome.NotApplicable("mcsops-bot runs on Linux only");

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task<Outcome> RunAsync(BenchmarkContext context)
    {
        var dir = context.CopyOfImported();
        await using var teams = await McsOps.Bot.Tests.FakeTeams.Start();
        var builder = McsOps.Bot.Hosting.ServiceHost.CreateBuilder(
            // 42 requests from each of 50 users within seconds: far over the per-user limit (which answers "slow down"), raised so every request is served.
            ["--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Chat:MaxRequestsPerUserPerMinute=100000", .. teams.Settings.Select(s => "--" + s)],
            etcFile: null);
        await using var app = McsOps.Bot.Hosting.ServiceHost.Build(builder);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal))) };
            await WaitReady(http);
            var token = teams.Token(context.Time.GetUtcNow());
            var serviceUrl = teams.ServiceUrl;
            context.Log($"warm-up: {WarmUp} activities");
            await Drive(http, token, serviceUrl, WarmUp, 0, null);
            var samples = new Samples();
            await Drive(http, token, serviceUrl, Requests, WarmUp, samples);
            var p99 = samples.Percentile(0.99);
            var replies = await Drained(teams, WarmUp + Requests);
            return Outcome.Timed(samples, "ms", p99 <= TargetP99Ms,
                Figures.Invariant($"{Requests} activities, {Concurrency} at a time; p99 {p99:0.0} ms, max {samples.MaxMs:0.0} ms; replies delivered {replies}/{WarmUp + Requests}"),
                withP99: true);
        }
        finally
        {
            await app.StopAsync();
            context.Delete(dir);
        }
    }

    /// <summary>The replies the fake received once they stopped coming (at most 60 s): the acknowledgement is only half the job.</summary>
    private static async Task<int> Drained(McsOps.Bot.Tests.FakeTeams teams, int expected)
    {
        var count = teams.Calls("reply").Count();
        for (var still = 0; count < expected && still < 20; )
        {
            await Task.Delay(250);
            var now = teams.Calls("reply").Count();
            still = now == count ? still + 1 : 0;
            count = now;
        }

        return count;
    }

    private static async Task WaitReady(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Sends <paramref name="count"/> activities, <see cref="Concurrency"/> in flight; every one must be answered 200.</summary>
    private static async Task Drive(HttpClient http, string token, string serviceUrl, int count, int offset, Samples? samples)
    {
        var next = -1;
        var failures = 0;
        var gate = new object();
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var n = offset + i;
                var user = Figures.Invariant($"0a1b2c3d-0000-4000-8000-{n % Concurrency:000000000000}");
                var body = Figures.Invariant($$"""
                    {"type":"message","id":"1{{n:000000000000}}","channelId":"msteams","serviceUrl":"{{serviceUrl}}","text":"<at>McsOps</at> help","textFormat":"plain",
                    "from":{"id":"29:1{{user}}","aadObjectId":"{{user}}"},"conversation":{"id":"a:1personal-{{n % Concurrency}}","conversationType":"personal","tenantId":"{{McsOps.Bot.Tests.FakeTeams.TenantId}}"},
                    "recipient":{"id":"28:{{McsOps.Bot.Tests.FakeTeams.AppId}}"},"locale":"ja-JP"}
                    """);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }

                if (samples is not null)
                {
                    lock (gate)
                    {
                        samples.Add(elapsed);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(Worker)));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} activities were not answered 200");
        }
    }
}

/// <summary>
/// <c>dispatch.teams</c>: 1,000 outbox messages to 100 Teams users, delivered by the real
/// mcsops-bot host's dispatcher to a fake Teams on 127.0.0.1 that answers 429 to any call over 30
/// per second for the tenant or 7 per second for a conversation. The rate is messages accepted per
/// second from the first accepted to the last; the target also asks for zero 429s (the dispatcher
/// paces itself under the limits instead of bumping into them).
/// </summary>
internal sealed class DispatchTeamsBenchmark : IBenchmark
{
    private const int Recipients = 100;
    private const int Messages = 1_000;

    public string Name => "dispatch.teams";

    public string Target(ScaleProfile scale) => "≥ 27 msg/s, zero 429";

    public Outcome Run(BenchmarkContext context) => OperatingSystem.IsLinux()
        ? RunAsync(context).GetAwaiter().GetResult()
        : Outcome.NotApplicable("mcsops-bot runs on Linux only");

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task<Outcome> RunAsync(BenchmarkContext context)
    {
        await using var teams = await McsOps.Bot.Tests.FakeTeams.Start();
        teams.EnforceRateLimits = true;
        var dir = context.NewDataDirectory();
        Seed(context, dir, teams);
        var builder = McsOps.Bot.Hosting.ServiceHost.CreateBuilder(
            ["--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. teams.Settings.Select(s => "--" + s)],
            etcFile: null);
        await using var app = McsOps.Bot.Hosting.ServiceHost.Build(builder);
        var clock = Stopwatch.StartNew();
        await app.StartAsync();
        try
        {
            while (Accepted(teams).Count < Messages && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await app.StopAsync();
        }

        var accepted = Accepted(teams);
        var throttled = teams.All.Count(r => r.Status == 429);
        context.Delete(dir);
        if (accepted.Count < Messages)
        {
            return Outcome.Error(Figures.Invariant($"only {accepted.Count} of {Messages} messages were accepted in 3 minutes ({throttled} answered 429)"));
        }

        var seconds = Stopwatch.GetElapsedTime(accepted.Min(r => r.Timestamp), accepted.Max(r => r.Timestamp)).TotalSeconds;
        var rate = (Messages - 1) / seconds;
        var note = Figures.Invariant($"{Messages:N0} messages to {Recipients} users in {seconds:0.0} s (first to last accepted); {throttled} answered 429; the fake enforces 30/s per tenant and 7/s per conversation");
        return new Outcome(true, null, null, rate, "msg/s", null, rate >= 27 && throttled == 0, note);
    }

    /// <summary>The posts the fake accepted.</summary>
    private static List<McsOps.Bot.Tests.FakeTeams.Received> Accepted(McsOps.Bot.Tests.FakeTeams teams) =>
        [.. teams.All.Where(r => r.Route == "post" && r.Status == 200)];

    /// <summary>A facility, the recipients linked to Teams with a 1:1 conversation known, and the messages due now.</summary>
    private static void Seed(BenchmarkContext context, string dir, McsOps.Bot.Tests.FakeTeams teams)
    {
        using var store = context.OpenStore(dir);
        var options = new McsOps.Core.Csv.ImportOptions(context.Time);
        McsOps.Core.Csv.Importer.ImportText(store, McsOps.Core.Csv.CsvKinds.Find("facilities")!, "facility_code,name,kind,is_home\nF-0001,ベンチ診療所,clinic,true\n", "facilities.csv", McsOps.Core.Actor.System, options);
        var staff = new System.Text.StringBuilder("staff_code,facility_code,name,profession,teams_user_id\n");
        for (var i = 1; i <= Recipients; i++)
        {
            staff.Append(Figures.Invariant($"S-{i:0000},F-0001,受信者{i},nurse,{User(i)}\n"));
        }

        McsOps.Core.Csv.Importer.ImportText(store, McsOps.Core.Csv.CsvKinds.Find("staff")!, staff.ToString(), "staff.csv", McsOps.Core.Actor.System, options);
        var now = context.Time.GetUtcNow();
        store.Write(s =>
        {
            for (var i = 1; i <= Recipients; i++)
            {
                s.Conversations.Save(new McsOps.Core.ChatConversation(McsOps.Core.Channel.Teams, User(i), "29:1" + User(i), McsOps.Bot.Tests.FakeTeams.TenantId, teams.ServiceUrl, Figures.Invariant($"a:1personal-{i}"), now));
            }

            for (var m = 0; m < Messages; m++)
            {
                var key = Figures.Invariant($"bench:{m:0000}");
                s.Outbox.Enqueue(new McsOps.Core.OutboxMessage
                {
                    Key = key,
                    Recipient = McsOps.Core.StaffCode.Parse(Figures.Invariant($"S-{(m % Recipients) + 1:0000}")),
                    Kind = "bench",
                    Content = new McsOps.Core.MessageContent { Text = key },
                    CreatedAt = now,
                    NotBefore = now,
                    Urgent = true,
                });
            }

            return 0;
        });
    }

    private static string User(int i) => Figures.Invariant($"0a1b2c3d-0000-4000-8000-{i:000000000000}");
}
