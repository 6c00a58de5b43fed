using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using McsOps.Benchmarks.Harness;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>memory.service</c>: the resident memory (RSS, from <c>/proc/PID/status</c>) of the real
/// mcsops-bot process on a copy of the imported set, once it has done its own start-up work — the
/// sweep (on the region set it opens ~24,000 reviews and queues ~1,700 messages) and the first
/// backup — and then answered 1,000 signed Slack <c>/review</c> commands (50 at a time) while its
/// dispatcher delivers the sweep's messages to a fake Slack on 127.0.0.1. The peak (VmHWM) is in
/// the note.
/// </summary>
internal sealed class ServiceMemoryBenchmark : IBenchmark
{
    private const int Requests = 1_000;
    private const double TargetMb = 300;

    public string Name => "memory.service";

    public string Target(ScaleProfile scale) => "≤ 300 MB";

    public Outcome Run(BenchmarkContext context) => OperatingSystem.IsLinux()
        ? RunAsync(context).GetAwaiter().GetResult()
        : Outcome.NotApplicable("mcsops-bot runs on Linux only");

    private static async Task<Outcome> RunAsync(BenchmarkContext context)
    {
        var dir = context.CopyOfImported();
        List<string> users;
        using (var store = context.OpenStore(dir))
        {
            users = SlackAckBenchmark.SlackUsers(store);
        }

        if (users.Count == 0)
        {
            return Outcome.Error("the data set has no Slack-linked staff");
        }

        await using var slack = await FakeSlackApi.StartAsync();
        var port = McsOps.Bot.Tests.Programs.FreePort();
        using var bot = SlackAckBenchmark.StartBot(dir, port, slack.ApiUrl);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await McsOps.Bot.Tests.Programs.WaitReadyAsync(http, bot);
            var startUp = Stopwatch.StartNew();
            if (!await StartUpDoneAsync(http, TimeSpan.FromMinutes(5)))
            {
                return Outcome.Error("the service did not report its start-up sweep and backup within 5 minutes");
            }

            context.Log(Figures.Invariant($"memory.service: start-up sweep and backup done ({startUp.Elapsed.TotalSeconds:0} s after ready), RSS {Mb(McsOps.Bot.Tests.Programs.Memory(bot).Now):0} MB; {Requests:N0} requests"));
            var failures = 0;
            await SlackAckBenchmark.Batch(http, users, 0, Requests, context.Time, _ => { }, () => Interlocked.Increment(ref failures));
            var (now, high) = McsOps.Bot.Tests.Programs.Memory(bot);
            var (rss, peak) = (Mb(now), Mb(high));
            var note = Figures.Invariant($"real mcsops-bot after its start-up sweep and backup and {Requests:N0} signed /review commands (50 at a time) while dispatching to a fake Slack; peak (VmHWM) {peak:0} MB")
                + (failures > 0 ? Figures.Invariant($"; {failures} answers were not the command's") : "")
                + (rss <= TargetMb ? "" : Figures.Invariant($"; MISSED by {rss - TargetMb:0} MB ({rss / TargetMb:0.00}× the target)"));
            return new Outcome(true, null, null, Math.Round(rss, 1), "MB", null, rss <= TargetMb && failures == 0, note);
        }
        finally
        {
            await SlackAckBenchmark.StopAsync(bot);
            context.Delete(dir);
        }
    }

    /// <summary>Polls <c>/readyz</c> until it shows this start's sweep and a backup.</summary>
    private static async Task<bool> StartUpDoneAsync(HttpClient http, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            var ready = JsonNode.Parse(await http.GetStringAsync("readyz"));
            if (ready?["lastSweep"] is JsonValue && ready["lastBackup"] is JsonObject)
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
