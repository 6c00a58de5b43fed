using System.Diagnostics;
using System.Globalization;
using System.Text;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Audit;
using McsOps.Core.Csv;
using Xunit.Abstractions;

namespace McsOps.Bot.Tests;

/// <summary>
/// Issue 8 item 3: the real mcsops-bot, as a child process, runs a workload of imports and review
/// decisions sent over the admin socket and is killed with SIGKILL at a random point counted in
/// acknowledged operations, with the next operation in flight. After each kill the database opens,
/// the audit chain verifies and every acknowledged operation is there. 5 kills in CI, 30 with
/// <c>MCSOPS_LONG=1</c> (the same test lengthened, never skipped).
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly GroupCode Group = GroupCode.Parse("G-0001");
    private static readonly StaffCode Member = StaffCode.Parse("S-0002");

    private readonly string _dir = TestFacility.Create("admin");

    public void Dispose() => TestFacility.Delete(_dir);

    private static int Kills => Environment.GetEnvironmentVariable("MCSOPS_LONG") == "1" ? 30 : 5;

    [Fact]
    public async Task KilledWithSigkillAtRandomPoints_EveryAcknowledgedOperationSurvives_TheChainVerifies()
    {
        var random = new Random(20261126);
        var acknowledged = new List<string>(); // staff codes imported, acknowledged
        var lastDecision = 0; // the number of the last acknowledged decision (its justification is "op-N")
        var attempted = 0;
        var op = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            using var bot = Programs.StartBot(_dir);
            bot.BeginErrorReadLine();
            using (var client = await ConnectAsync())
            {
                if (kill == 1)
                {
                    EnsureOpenReview(client);
                }

                var until = random.Next(3, 25);
                for (var done = 0; done < until; done++)
                {
                    op++;
                    attempted = op;
                    Run(client, op);
                    if (op % 3 == 0)
                    {
                        lastDecision = op;
                    }
                    else
                    {
                        acknowledged.Add(StaffFor(op));
                    }
                }

                // One more in flight, and SIGKILL while it runs (or just before or after it commits).
                op++;
                attempted = op;
                var inFlight = Task.Run(() => Run(client, op));
                await Task.Delay(random.Next(0, 3));
                bot.Kill();
                await bot.WaitForExitAsync();
                await Task.WhenAny(inFlight, Task.Delay(TimeSpan.FromSeconds(30)));
            }

            Verify(acknowledged, lastDecision, attempted);
        }

        output.WriteLine($"crash consistency: {Kills} kills survived, {op} operations sent, {acknowledged.Count} imports and the last decision (op {lastDecision}) present each time");
    }

    /// <summary>The service's first sweep opens the quarterly review of G-0001; open one if it has not yet.</summary>
    private static void EnsureOpenReview(RemoteOpsClient client)
    {
        try
        {
            client.Execute(new OpenReview(Group));
        }
        catch (OpsException e) when (e.Key == "op.review.alreadyopen")
        {
            // The sweep was first: the review the workload decides in is open either way.
        }
    }

    private static string StaffFor(int op) => "S-" + (1000 + op).ToString(CultureInfo.InvariantCulture);

    /// <summary>Every third operation a decision (justification op-N), the others the import of one new staff member.</summary>
    private static void Run(RemoteOpsClient client, int op)
    {
        if (op % 3 == 0)
        {
            client.Execute(new RecordDecision(Group, Member, op % 2 == 0 ? ReviewDecision.Keep : ReviewDecision.Unsure, "op-" + op.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            var csv = $"staff_code,facility_code,name,profession\n{StaffFor(op)},F-0001,職員{op},nurse\n";
            var result = client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(csv), "staff.csv"));
            result.Rejected.Should().BeFalse();
        }
    }

    /// <summary>The database opens (the lock was released by the kill), the chain verifies, every acknowledged operation is there.</summary>
    private void Verify(List<string> acknowledged, int lastDecision, int attempted)
    {
        using var store = TestFacility.Open(_dir);
        store.Read(s => AuditChain.Verify(s.Audit.All(), s.Audit.Head())).Intact.Should().BeTrue();
        var staff = store.Read(s => s.Staff.All().Select(x => x.Code.Value).ToHashSet(StringComparer.Ordinal));
        staff.Should().Contain(acknowledged);
        var item = store.Read(s => s.Reviews.OpenFor(Group))!.Items.Single(i => i.Member == Member);
        var decided = int.Parse(item.Justification!["op-".Length..], CultureInfo.InvariantCulture);
        decided.Should().BeInRange(lastDecision, attempted, "the last acknowledged decision, or the one in flight at the kill");
    }

    private async Task<RemoteOpsClient> ConnectAsync()
    {
        var socket = Path.Combine(_dir, "admin.sock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (RemoteOpsClient.TryConnect(socket, Channel.Cli) is { } client)
            {
                return client;
            }

            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the service answers on its socket after a restart");
            await Task.Delay(20);
        }
    }
}
