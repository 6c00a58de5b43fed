using System.Net;
using McsOps.Core;
using McsOps.Core.Application;

namespace McsOps.Bot.Tests;

/// <summary>
/// The outbox delivered by the real service to a fake Slack over HTTP on 127.0.0.1, with the
/// real SlackDelivery (conversations.open, chat.postMessage), on a fake clock.
/// </summary>
public sealed class DispatchSlackTests
{
    private static readonly string[] PersonalData = ["患者一", "患者一さんのグループ"];

    [Fact]
    public async Task Slack_A429EveryFiftyCalls_ZeroLosses_EachSentExactlyOnce_OnePerSecondPerChannel_NothingBeforeRetryAfter()
    {
        await using var world = await DispatchWorld.StartAsync(40);
        world.Slack.Throttle = (50, 3);
        var now = world.Clock.GetUtcNow();
        var keys = Enumerable.Range(1, 40).SelectMany(r => Enumerable.Range(1, 6).Select(i => (Key: $"m-{r:D3}-{i}", To: DispatchWorld.Recipient(r)))).ToList();
        world.Enqueue(keys.Select(k => DispatchWorld.Message(k.Key, k.To, now)));

        await world.DrainAsync();

        var accepted = world.Accepted();
        accepted.Select(g => g.Key).Should().BeEquivalentTo(keys.Select(k => k.Key), "every message arrived");
        accepted.Should().OnlyContain(g => g.Count() == 1, "and only once");
        var sent = world.InState(OutboxState.Sent);
        sent.Should().HaveCount(240);
        sent.Should().OnlyContain(m => m.PlatformMessageId!.StartsWith("DUR", StringComparison.Ordinal));
        world.InState(OutboxState.Pending).Should().BeEmpty();
        world.InState(OutboxState.Dead).Should().BeEmpty();

        var calls = world.Slack.All.Where(r => r.Method != "response").ToList();
        var throttles = calls.Where(r => r.Status == 429).ToList();
        throttles.Should().HaveCountGreaterThanOrEqualTo(5);
        foreach (var t in throttles)
        {
            // Calls at the 429's instant were in flight beside it (one pass); none may start after it within Retry-After.
            calls.Where(r => r.At > t.At && r.At < t.At + TimeSpan.FromSeconds(3)).Should().BeEmpty("no call to Slack within Retry-After of a 429");
        }

        foreach (var channel in calls.Where(r => r.Method == "chat.postMessage").GroupBy(r => r.Body["channel"]!.ToString()))
        {
            var at = channel.Select(r => r.At).Order().ToList();
            at.Zip(at.Skip(1)).Should().OnlyContain(p => p.Second - p.First >= TimeSpan.FromSeconds(1), channel.Key + " gets one message per second");
        }

        world.Slack.Calls("conversations.open").Count(r => r.Status == 200).Should().Be(40, "the DM channel is opened once per user");
    }

    [Fact]
    public async Task Slack_5xxThenSuccess_RetriedAfterABackOffWithJitter_SentOnce()
    {
        await using var world = await DispatchWorld.StartAsync(1);
        world.Slack.Next("chat.postMessage", HttpStatusCode.ServiceUnavailable, """{"ok":false,"error":"service_unavailable"}""");
        var now = world.Clock.GetUtcNow();
        world.Enqueue([DispatchWorld.Message("m1", DispatchWorld.Recipient(1), now)]);

        var first = await world.Dispatcher.PassAsync(CancellationToken.None);
        var after = world.Outbox("m1");

        first.Retrying.Should().Be(1);
        after.State.Should().Be(OutboxState.Pending);
        after.Attempts.Should().Be(1);
        after.LastError.Should().Be("chat.postMessage: HTTP 503");
        after.NotBefore.Should().BeOnOrAfter(now + TimeSpan.FromSeconds(2.5)).And.BeOnOrBefore(now + TimeSpan.FromSeconds(5), "Chat:BackoffSeconds 5, jittered in its upper half");
        first.NextAt.Should().Be(after.NotBefore);

        await world.DrainAsync();

        var sent = world.Outbox("m1");
        sent.State.Should().Be(OutboxState.Sent);
        sent.Attempts.Should().Be(2);
        sent.LastError.Should().BeNull();
        world.Accepted()["m1"].Should().ContainSingle();
    }

    [Fact]
    public async Task Slack_FailingEveryTime_DeadAfterMaxAttempts_BackOffDoubling_ThenRetriedThroughTheAdminSocket()
    {
        await using var world = await DispatchWorld.StartAsync(1, settings: ["Chat:MaxAttempts=3", "Chat:BackoffSeconds=10"]);
        for (var i = 0; i < 3; i++)
        {
            world.Slack.Next("chat.postMessage", HttpStatusCode.InternalServerError, """{"ok":false,"error":"fatal_error"}""");
        }

        var now = world.Clock.GetUtcNow();
        world.Enqueue([DispatchWorld.Message("m1", DispatchWorld.Recipient(1), now)]);

        await world.DrainAsync();

        var dead = world.Outbox("m1");
        dead.State.Should().Be(OutboxState.Dead);
        dead.Attempts.Should().Be(3);
        dead.LastError.Should().Be("chat.postMessage: HTTP 500");
        var tries = world.Slack.Calls("chat.postMessage").Select(r => r.At).ToList();
        tries.Should().HaveCount(3);
        (tries[1] - tries[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
        (tries[2] - tries[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(20));

        using var client = world.Connect();
        client.Execute(new ListDeadMessages()).Should().ContainSingle().Which.Should().Match<DeadMessage>(d => d.Key == "m1" && d.Attempts == 3);
        client.Execute(new RetryDeadMessage("m1")).State.Should().Be(OutboxState.Pending);
        await world.DrainAsync();

        world.Outbox("m1").Should().Match<OutboxMessage>(m => m.State == OutboxState.Sent && m.Attempts == 1);
        world.Accepted()["m1"].Should().ContainSingle();
        world.Read(s => s.Audit.Last())!.Action.Should().Be("outbox.retry");
    }

    [Fact]
    public async Task Slack_ARefusalThatWillNotChange_IsDeadAtOnce()
    {
        await using var world = await DispatchWorld.StartAsync(1);
        world.Slack.Next("conversations.open", HttpStatusCode.OK, """{"ok":false,"error":"user_not_found"}""");
        world.Enqueue([DispatchWorld.Message("m1", DispatchWorld.Recipient(1), world.Clock.GetUtcNow())]);

        await world.DrainAsync();

        world.Outbox("m1").Should().Match<OutboxMessage>(m => m.State == OutboxState.Dead && m.Attempts == 1 && m.LastError == "conversations.open: user_not_found");
        world.Slack.Calls("chat.postMessage").Should().BeEmpty();
    }

    [Fact]
    public async Task QuietHours_ANonUrgentMessageWaitsFor0800_AnUrgentOneGoesAtOnce()
    {
        var evening = new DateTimeOffset(2026, 11, 26, 21, 30, 0, TimeSpan.FromHours(9));
        await using var world = await DispatchWorld.StartAsync(1, at: evening);
        var n = new Notifications(world.Settings.Policy);
        world.Enqueue(
        [
            n.Message("later", DispatchWorld.Recipient(1), "test", evening, new MessageContent { Text = "later" }),
            n.Message("now", DispatchWorld.Recipient(1), "test", evening, new MessageContent { Text = "now" }, urgent: true),
        ]);

        var pass = await world.Dispatcher.PassAsync(CancellationToken.None);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 7, 59, 59, TimeSpan.FromHours(9)));
        await world.Dispatcher.PassAsync(CancellationToken.None);
        var beforeEight = world.Accepted().Select(g => g.Key).ToList();
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(9)));
        await world.Dispatcher.PassAsync(CancellationToken.None);

        pass.NextAt.Should().Be(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(9)));
        beforeEight.Should().Equal("now");
        world.Accepted()["later"].Should().ContainSingle().Which.At.Should().Be(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(9)));
    }

    [Fact]
    public async Task UnlinkedRecipient_StaysPending_AndIsListedInTheAdminsDigest_WhichReachesSlack_WithoutPersonalData()
    {
        // 08:30 Tokyo on a Thursday: the digest time.
        var digestTime = new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.FromHours(9));
        await using var world = await DispatchWorld.StartAsync(1, at: digestTime - TimeSpan.FromMinutes(5));
        world.Owner.Run(ops => ops.Store.Write(s =>
        {
            // The admin S-0001 is reached on Slack.
            s.Staff.Upsert(s.Staff.Find(StaffCode.Parse("S-0001"))! with { SlackUserId = "UADMIN001" });
            return 0;
        }));
        world.Enqueue([DispatchWorld.Message("for-unlinked", StaffCode.Parse("S-0002"), world.Clock.GetUtcNow())]);

        var pass = await world.Dispatcher.PassAsync(CancellationToken.None);

        pass.Unlinked.Should().Be(1);
        world.Outbox("for-unlinked").Should().Match<OutboxMessage>(m => m.State == OutboxState.Pending && m.LastError == OutboxMessage.Unlinked && m.Attempts == 0);
        world.Slack.All.Should().BeEmpty();

        world.Clock.SetUtcNow(digestTime);
        using (var client = world.Connect())
        {
            client.Execute(new RunSweep());
        }

        await world.DrainAsync(TimeSpan.FromMinutes(1));

        var digest = world.Read(s => s.Outbox.All()).Single(m => m.Kind == "digest" && m.Recipient == StaffCode.Parse("S-0001"));
        digest.State.Should().Be(OutboxState.Sent);
        digest.Content.Fields.Should().Contain(f => f.Value == "S-0002", "what the dispatcher held before the sweep");
        var received = world.Slack.Calls("chat.postMessage").Should().ContainSingle(r => r.Status == 200 && r.Raw.Contains("S-0002", StringComparison.Ordinal)).Which;
        received.Body["channel"]!.ToString().Should().Be("DUADMIN001");
        received.Body["text"]!.ToString().Should().Be(digest.Content.Text);
        world.Outbox("for-unlinked").State.Should().Be(OutboxState.Pending, "still held, not dropped");
        world.Slack.All.Select(r => r.Raw).Should().OnlyContain(raw => PersonalData.All(p => !raw.Contains(p, StringComparison.Ordinal)));
    }
}
