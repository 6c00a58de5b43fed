using System.Diagnostics;
using McsOps.Core;

namespace McsOps.Bot.Tests;

/// <summary>
/// <c>kill -9</c> of the real <c>mcsops-bot</c> process while it delivers the outbox to the fake
/// Slack: nothing is lost (every message is sent or still pending, and <c>sent</c> only if Slack
/// accepted it), and after a restart everything arrives, duplicated at most once and only for
/// the messages that were in flight. Alone (not beside other test classes): two service
/// processes at once would take the CPU from the tests that time a stop.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DispatchCrashTests
{
    private const int Recipients = 100;
    private const int PerRecipient = 3;
    private const int Total = Recipients * PerRecipient;

    [Fact]
    public async Task KillDashNine_DuringDispatch_LosesNothing_AndTheRestartDeliversTheRest()
    {
        var dir = TestFacility.Create("admin");
        await using var slack = await FakeSlack.Start();
        try
        {
            using (var store = TestFacility.Open(dir))
            {
                TestFacility.Import(store, "staff", DispatchWorld.StaffCsv(Recipients));
                var now = TimeProvider.System.GetUtcNow();
                store.Write(s => Enumerable.Range(1, Recipients)
                    .SelectMany(r => Enumerable.Range(1, PerRecipient).Select(i => DispatchWorld.Message($"m-{r:D3}-{i}", DispatchWorld.Recipient(r), now)))
                    .Count(s.Outbox.Enqueue)).Should().Be(Total);
            }

            using (var bot = Start(dir, slack))
            {
                await Until(() => Accepted(slack).Count >= 40, bot);
                bot.Kill();
                await bot.WaitForExitAsync();
            }

            var acceptedBeforeRestart = Accepted(slack);
            using (var store = TestFacility.Open(dir))
            {
                var sent = Ours(store.Read(s => s.Outbox.ByState(OutboxState.Sent)));
                var pending = Ours(store.Read(s => s.Outbox.ByState(OutboxState.Pending)));
                (sent.Count + pending.Count).Should().Be(Total, "kill -9 loses no message");
                store.Read(s => s.Outbox.ByState(OutboxState.Dead)).Should().BeEmpty();
                sent.Should().NotBeEmpty().And.OnlyContain(m => acceptedBeforeRestart.Contains(m.Key), "sent only after Slack accepted it");
                pending.Should().NotBeEmpty("the kill came during dispatch");
            }

            using (var bot = Start(dir, slack))
            {
                await Until(() => Accepted(slack).Count == Total, bot);
                using var term = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await term.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await bot.WaitForExitAsync(timeout.Token);
            }

            using (var store = TestFacility.Open(dir))
            {
                var sent = Ours(store.Read(s => s.Outbox.ByState(OutboxState.Sent))).Count;
                var pending = Ours(store.Read(s => s.Outbox.ByState(OutboxState.Pending))).Count;
                (sent + pending).Should().Be(Total);
                sent.Should().Be(Total, "the restart delivered the rest and a graceful stop records what was accepted");
            }

            var perKey = slack.Calls("chat.postMessage").Where(r => r.Status == 200).GroupBy(r => r.Body["text"]!.ToString()).Where(g => g.Key.StartsWith("m-", StringComparison.Ordinal)).ToList();
            perKey.Should().HaveCount(Total);
            perKey.Should().OnlyContain(g => g.Count() <= 2, "at most one duplicate per message");
            perKey.Count(g => g.Count() == 2).Should().BeLessThanOrEqualTo(8, "only the messages in flight at the kill (Chat:MaxConcurrency) can be sent twice");
        }
        finally
        {
            TestFacility.Delete(dir);
        }
    }

    private static Process Start(string dir, FakeSlack slack)
    {
        var bot = Programs.StartBot(dir, DispatchWorld.SlackSettings(slack));
        bot.ErrorDataReceived += (_, _) => { };
        bot.BeginErrorReadLine();
        return bot;
    }

    /// <summary>The test's messages (the service's start-up sweep adds its own reminders beside them).</summary>
    private static List<OutboxMessage> Ours(IEnumerable<OutboxMessage> messages) => [.. messages.Where(m => m.Kind == "test")];

    private static HashSet<string> Accepted(FakeSlack slack) =>
        [.. slack.Calls("chat.postMessage").Where(r => r.Status == 200).Select(r => r.Body["text"]!.ToString()).Where(t => t.StartsWith("m-", StringComparison.Ordinal))];

    private static async Task Until(Func<bool> condition, Process bot)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            bot.HasExited.Should().BeFalse("mcsops-bot must keep running");
            await Task.Delay(5, timeout.Token);
        }
    }
}
