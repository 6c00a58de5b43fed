using System.Diagnostics;
using McsOps.Benchmarks.Harness;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Storage;

namespace McsOps.Benchmarks.Rows;

/// <summary>
/// <c>admin_api.query</c>: one group-detail query (<c>GetGroupDetail</c>) round trip through
/// <see cref="RemoteOpsClient"/> over the real Unix socket to the real <c>mcsops-bot</c>, a child
/// process on a copy of the imported store, the OS user running the benchmark mapped to an admin.
/// Each sample is one request for another group (spread over the whole set), on a kept-alive
/// connection as the TUI holds it; the target is on p50.
/// </summary>
internal sealed class AdminApiQueryBenchmark : IBenchmark
{
    private const int Requests = 1_000;

    public string Name => "admin_api.query";

    public string Target(ScaleProfile scale) => "p50 ≤ 5 ms";

    public Outcome Run(BenchmarkContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dir = context.CopyOfImported();
        List<GroupCode> groups;
        Samples floor;
        Samples json;
        using (var store = context.OpenStore(dir))
        {
            var all = store.Read(s => s.Groups.All());
            groups = [.. Enumerable.Range(0, Requests).Select(i => all[(int)((long)i * all.Count / Requests)].Code)];
            MapMeToAnAdmin(store, context.Time);
            floor = InProcess(store, context.Time, groups);
            json = JsonRoundTrip(store, context.Time, groups);
        }

        using var bot = StartBot(dir);
        try
        {
            var socket = Path.Combine(dir, "admin.sock");
            using var client = WaitForSocket(socket, bot);
            context.Log("admin_api.query: waiting for the service's start-up sweep and first backup to finish (set-up, not timed)");
            WaitUntilIdle(socket);
            context.Log($"admin_api.query: service up, {Requests} warm-up and {Requests} measured requests");
            // A long-running service has its pages cached: one pass over the same groups first.
            foreach (var code in groups)
            {
                _ = client.Execute(new GetGroupDetail(code));
            }

            // The transport alone: the change counter (GET /changes), no query, a few bytes of JSON.
            var empty = new Samples();
            for (var i = 0; i < Requests; i++)
            {
                empty.Add(Measure.Time(() => client.ChangeCounter, out _));
            }

            var samples = new Samples();
            var members = 0L;
            foreach (var code in groups)
            {
                var elapsed = Measure.Time(() => client.Execute(new GetGroupDetail(code)), out var detail);
                members += detail.Members.Count;
                samples.Add(elapsed);
            }

            var p50 = samples.MedianMs;
            var note = Figures.Invariant($"p50 {p50:0.00} ms, p99 {samples.Percentile(0.99):0.00} ms over {Requests:N0} requests (after a warm-up pass over the same groups) for {groups.Distinct().Count():N0} groups, {members / (double)Requests:0.0} members each on average; the same queries in-process p50 {floor.MedianMs:0.00} ms, their results to JSON and back p50 {json.MedianMs:0.00} ms, an empty round trip (GET /changes) p50 {empty.MedianMs:0.00} ms; real mcsops-bot, Unix socket, kept-alive connection")
                       + Figures.Miss(p50, 5);
            return Outcome.Timed(samples, "ms", p50 <= 5, note, withP99: true, ratioToFloor: p50 / floor.MedianMs);
        }
        finally
        {
            Stop(bot);
            context.Delete(dir);
        }
    }

    /// <summary>The floor: the same queries on the same store in this process, without the socket, HTTP and JSON.</summary>
    private static Samples InProcess(IStore store, TimeProvider time, List<GroupCode> groups)
    {
        var ops = new Ops(store, new McsOps.Core.Scheduling.PolicySettings { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") }, time);
        foreach (var code in groups)
        {
            _ = ops.Execute(new GetGroupDetail(code), Actor.System);
        }

        var samples = new Samples();
        foreach (var code in groups)
        {
            samples.Add(Measure.Time(() => ops.Execute(new GetGroupDetail(code), Actor.System)));
        }

        return samples;
    }

    /// <summary>What the wire adds in both processes together: each result written as the service writes it and read as the client reads it.</summary>
    private static Samples JsonRoundTrip(IStore store, TimeProvider time, List<GroupCode> groups)
    {
        var ops = new Ops(store, new McsOps.Core.Scheduling.PolicySettings { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") }, time);
        var details = groups.Select(g => (object)ops.Execute(new GetGroupDetail(g), Actor.System)).ToList();
        foreach (var d in details)
        {
            _ = System.Text.Json.JsonSerializer.Deserialize<GroupDetail>(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(d, Wire.Options), Wire.Options);
        }

        var samples = new Samples();
        foreach (var d in details)
        {
            samples.Add(Measure.Time(() => System.Text.Json.JsonSerializer.Deserialize<GroupDetail>(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(d, Wire.Options), Wire.Options), out _));
        }

        return samples;
    }

    /// <summary>The admin socket answers only to staff with a role: the OS user running this gets one (set-up, audited like any change).</summary>
    private static void MapMeToAnAdmin(IStore store, TimeProvider time)
    {
        var me = Environment.UserName;
        var ops = new Ops(store, new McsOps.Core.Scheduling.PolicySettings { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") }, time);
        var mapped = store.Read(s => s.Staff.FindByOsUser(me));
        var staff = mapped ?? store.Read(s => s.Staff.All().First(x => x.Status == StaffStatus.Active && x.OsUser is null));
        if (mapped is null)
        {
            ops.Execute(new SaveStaff(staff with { OsUser = me }), Actor.System);
        }

        if (!staff.Roles.HasFlag(StaffRoles.Admin))
        {
            ops.Execute(new SetRole(staff.Code, StaffRoles.Admin, Grant: true, "admin_api.query benchmark"), Actor.System);
        }
    }

    private static Process StartBot(string dir)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "mcsops-bot.dll"), "--McsOps:DataDirectory=" + dir, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" })
        {
            psi.ArgumentList.Add(a);
        }

        var bot = Process.Start(psi)!;
        bot.OutputDataReceived += (_, _) => { };
        bot.ErrorDataReceived += (_, _) => { };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        return bot;
    }

    private static RemoteOpsClient WaitForSocket(string socket, Process bot)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"mcsops-bot exited with code {bot.ExitCode} before its socket answered");
            }

            if (RemoteOpsClient.TryConnect(socket, Channel.Tui) is { } client)
            {
                return client.ReadOnly ? throw new InvalidOperationException("the service took the benchmark's OS user for an auditor") : client;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("the admin socket did not answer within 120 s");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>
    /// The real service sweeps and backs up once at start (on the region set: seconds of work that
    /// holds the write lock and both cores); the row measures the service at rest, as an admin meets
    /// it, so it waits until <c>/readyz</c> shows both done and nothing in flight.
    /// </summary>
    private static void WaitUntilIdle(string socket)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancel) =>
            {
                var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                await s.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socket), cancel).ConfigureAwait(false);
                return new System.Net.Sockets.NetworkStream(s, ownsSocket: true);
            },
        }) { BaseAddress = new Uri("http://localhost/") };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // Read whatever the status: after a failed start-up backup /readyz is 503 with the same body.
            using var response = http.GetAsync(new Uri("readyz", UriKind.Relative)).GetAwaiter().GetResult();
            using var ready = System.Text.Json.JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            var root = ready.RootElement;
            if (root.GetProperty("lastSweep").ValueKind != System.Text.Json.JsonValueKind.Null
                && root.GetProperty("lastBackup").ValueKind != System.Text.Json.JsonValueKind.Null
                && root.GetProperty("operationsInFlight").GetInt32() == 0)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the service's start-up sweep and backup did not finish within 5 minutes: " + root);
            }

            Thread.Sleep(200);
        }
    }

    private static void Stop(Process bot)
    {
        if (!bot.HasExited)
        {
            // SIGTERM: the service closes the database and releases its lock.
            using var term = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            term.WaitForExit();
            if (!bot.WaitForExit(30_000))
            {
                bot.Kill();
            }
        }

        bot.Dispose();
    }
}
