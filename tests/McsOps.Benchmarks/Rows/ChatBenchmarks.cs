using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary><c>slack.ack</c>: 2,000 signed slash commands, 50 at a time, after 100 for warm-up, over loopback.</summary>
internal sealed class SlackAckBenchmark : IBenchmark
{
    public string Name => "slack.ack";

    public string Target(ScaleProfile scale) => "p99 ≤ 100 ms";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the Slack adapter (issue 6)");
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
            ["--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. teams.Settings.Select(s => "--" + s)],
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

/// <summary><c>dispatch.teams</c>: 1,000 outbox messages to 100 recipients through a fake Teams enforcing 30/s per tenant.</summary>
internal sealed class DispatchTeamsBenchmark : IBenchmark
{
    public string Name => "dispatch.teams";

    public string Target(ScaleProfile scale) => "≥ 27 msg/s, zero 429";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the outbox and its dispatcher (issues 3, 6)");
}
