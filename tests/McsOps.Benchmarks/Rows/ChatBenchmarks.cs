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
            users = [.. store.Read(s => s.Staff.All()).Select(x => x.SlackUserId).OfType<string>().Take(200)];
            // The sweep the service runs at start, done here (set-up, not timed): the service's own finds nothing new.
            var swept = new McsOps.Core.Sweeper(policy).Run(store, context.Time.GetUtcNow());
            context.Log(Figures.Invariant($"slack.ack: set-up sweep opened {swept.ReviewsOpened} reviews, {swept.MessagesEnqueued} messages"));
        }

        if (users.Count == 0)
        {
            return Outcome.Error("the data set has no Slack-linked staff");
        }

        await using var slack = await FakeSlackApi.StartAsync();
        var port = FreePort();
        using var bot = StartBot(dir, port, slack.ApiUrl);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitReadyAsync(http, bot);
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
                + (failures > 0 ? Figures.Invariant($"; {failures} answers were not 200 with an ephemeral reply") : "")
                + Figures.Miss(p99, 100);
            return new Outcome(true, samples.MedianMs, p99, p99, "ms", null, p99 <= 100 && failures == 0, note);
        }
        finally
        {
            await StopAsync(bot);
            context.Delete(dir);
        }
    }

    /// <summary>Requests <paramref name="first"/>… (<paramref name="count"/> of them), <see cref="Concurrency"/> in flight at a time.</summary>
    private static async Task Batch(HttpClient http, List<string> users, int first, int count, TimeProvider time, Action<TimeSpan> sample, Action failed)
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
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains("ephemeral", StringComparison.Ordinal))
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

    private static Process StartBot(string dir, int port, Uri slackApi)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "mcsops-bot.dll"), "--McsOps:DataDirectory=" + dir, Figures.Invariant($"--urls=http://127.0.0.1:{port}"),
            "--Logging:LogLevel:Default=Warning", "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=xoxb-bench", "--Slack:ApiBaseUrl=" + slackApi,
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

    private static async Task WaitReadyAsync(HttpClient http, Process bot)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException(Figures.Invariant($"mcsops-bot exited with {bot.ExitCode} before it was ready"));
            }

            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("mcsops-bot was not ready after 120 s");
    }

    /// <summary>SIGTERM (a clean stop that releases the database), then SIGKILL if it does not end.</summary>
    private static async Task StopAsync(Process bot)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary><c>teams.ack</c>: the same with signed Bot Framework message activities.</summary>
internal sealed class TeamsAckBenchmark : IBenchmark
{
    public string Name => "teams.ack";

    public string Target(ScaleProfile scale) => "p99 ≤ 100 ms";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the Teams adapter (issue 6)");
}

/// <summary><c>dispatch.teams</c>: 1,000 outbox messages to 100 recipients through a fake Teams enforcing 30/s per tenant.</summary>
internal sealed class DispatchTeamsBenchmark : IBenchmark
{
    public string Name => "dispatch.teams";

    public string Target(ScaleProfile scale) => "≥ 27 msg/s, zero 429";

    public Outcome Run(BenchmarkContext context) =>
        Outcome.NotApplicable("not landed yet: the outbox and its dispatcher (issues 3, 6)");
}
