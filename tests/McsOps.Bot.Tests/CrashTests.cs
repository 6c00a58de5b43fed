using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using McsOps.Bot.Hosting;
using McsOps.Core;
using McsOps.Core.Application;
using Xunit.Abstractions;

namespace McsOps.Bot.Tests;

/// <summary>
/// Issue 5's acceptance: <c>kill -9</c> of the real service process during a big import through the
/// real <c>mcsops</c>; after a restart the database opens, the import is wholly present or wholly
/// absent, and <c>mcsops audit verify</c> passes. 100,000 staff rows (3.6 MB): the region set's
/// 14 MB memberships file would need its staff and groups first, and 400,000 staff rows took 86 s
/// here. The kill comes once the import's transaction reaches the disk (the file and its log grew
/// by 256 KiB), i.e. during its commit, or after 60 s in flight.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : AdminFacilityTest
{
    private const int Rows = 100_000;
    [Fact]
    public async Task Kill9DuringABigImport_AfterRestart_TheImportIsAllOrNothing_AndTheAuditChainVerifies()
    {
        var file = Path.Combine(Dir, "big-staff.csv");
        await File.WriteAllTextAsync(file, BigStaffCsv());
        var socket = Path.Combine(Dir, "admin.sock");
        var log = Path.Combine(Dir, "mcsops-log.db");
        var before = Count();

        using var bot = Programs.StartBot(Dir, "--AdminApi:MaxRequestMegabytes=64");
        bot.BeginErrorReadLine();
        await UntilAsync(() => RemoteOpsClient.TryConnect(socket, Channel.Cli) is { } c && Dispose(c), TimeSpan.FromSeconds(30));
        var db = Path.Combine(Dir, "mcsops.db");
        var logAtStart = Length(log) + Length(db);
        using var import = Programs.StartMcsops(Dir, "import", "staff", file);
        var importOut = import.StandardError.ReadToEndAsync();

        // Killed while the import runs in the service: once it is in flight, as soon as its
        // transaction reaches the log, or after two seconds of it.
        using (var unix = RunningService.UnixClient(socket))
        {
            await UntilAsync(async () => (await unix.GetFromJsonAsync<Readiness>(new Uri("readyz", UriKind.Relative)))!.OperationsInFlight >= 1, TimeSpan.FromSeconds(30));
        }

        var inFlight = Stopwatch.StartNew();
        await UntilAsync(() => Length(log) + Length(db) > logAtStart + 256 * 1024 || inFlight.Elapsed > TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(70));
        var logWhenKilled = Length(log) + Length(db);
        bot.Kill();
        await bot.WaitForExitAsync();
        await import.WaitForExitAsync();
        output.WriteLine($"killed {inFlight.ElapsedMilliseconds} ms into the import; log {logAtStart} -> {logWhenKilled} bytes; mcsops exit {import.ExitCode}: {(await importOut).Trim()}");

        Service = await RunningService.StartReadyAsync(Dir);
        var audit = await Programs.McsopsAsync(Dir, "audit", "verify");
        await Service.StopAsync();
        var after = Count();
        output.WriteLine($"after the restart: {after.Staff - before.Staff} of {Rows} rows present; audit: {audit.Stdout.Trim()}");

        import.ExitCode.Should().NotBe(0, "the service died under the import");
        audit.Code.Should().Be(0, audit.Stderr);
        audit.Stdout.Should().StartWith("audit chain verified");
        after.Staff.Should().BeOneOf([before.Staff, before.Staff + Rows], "an import is one transaction");
        after.First.Should().Be(after.Staff > before.Staff);
        after.Last.Should().Be(after.First);
    }

    /// <summary>Staff records, and whether the first and the last row of the file are there.</summary>
    private (int Staff, bool First, bool Last) Count()
    {
        using var store = TestFacility.Open(Dir);
        return store.Read(s => (s.Staff.Count(), s.Staff.Find(StaffCode.Parse("Y-000000")) is not null, s.Staff.Find(StaffCode.Parse($"Y-{Rows - 1:D6}")) is not null));
    }

    private static string BigStaffCsv()
    {
        var csv = new StringBuilder("staff_code,facility_code,name,profession\n", 14 * 1024 * 1024);
        for (var i = 0; i < Rows; i++)
        {
            csv.Append("Y-").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(",F-0001,職員,nurse\n");
        }

        return csv.ToString();
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static bool Dispose(IDisposable d)
    {
        d.Dispose();
        return true;
    }

    private static Task UntilAsync(Func<bool> condition, TimeSpan patience) => UntilAsync(() => Task.FromResult(condition()), patience);

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
