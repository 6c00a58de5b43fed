using System.Diagnostics;
using System.Net.Http.Json;
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
        await File.WriteAllTextAsync(file, TestFacility.ManyStaff(Rows));
        var socket = Path.Combine(Dir, "admin.sock");
        var log = Path.Combine(Dir, "mcsops-log.db");
        var before = Count();

        using var bot = Programs.StartBot(Dir);
        bot.BeginErrorReadLine();
        await Eventually.TrueAsync(() => RemoteOpsClient.TryConnect(socket, Channel.Cli) is { } c && Dispose(c), TimeSpan.FromSeconds(30));
        var db = Path.Combine(Dir, "mcsops.db");
        var logAtStart = Length(log) + Length(db);
        using var import = Programs.StartMcsops(Dir, "import", "staff", file);
        var importOut = import.StandardError.ReadToEndAsync();

        // Killed while the import runs in the service: once it is in flight, as soon as its
        // transaction reaches the log, or after two seconds of it.
        using (var unix = RunningService.UnixClient(socket))
        {
            await Eventually.TrueAsync(async () => (await unix.GetFromJsonAsync<Readiness>(new Uri("readyz", UriKind.Relative)))!.OperationsInFlight >= 1, TimeSpan.FromSeconds(30));
        }

        var inFlight = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => Length(log) + Length(db) > logAtStart + 256 * 1024 || inFlight.Elapsed > TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(70));
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

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static bool Dispose(IDisposable d)
    {
        d.Dispose();
        return true;
    }
}
