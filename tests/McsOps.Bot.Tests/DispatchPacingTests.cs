using System.Collections.Concurrent;
using McsOps.Bot.Chat;
using McsOps.Core;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Bot.Tests;

/// <summary>
/// The dispatcher's pacing arithmetic on a fake clock, with an in-test platform that accepts
/// everything and notes when each call came (the platform is not the point here; Slack's own
/// pacing is tested end to end in DispatchSlackTests). Teams' limits: 7 per second and 60 per
/// 30 seconds per conversation, 30 per second per tenant.
/// </summary>
public sealed class DispatchPacingTests
{
    [Fact]
    public async Task Teams_InNoWindow_MoreThanTheConversationOrTenantLimits_AndEveryMessageSentOnce()
    {
        var teams = new RecordingTeams();
        await using var world = await DispatchWorld.StartAsync(60, teams);
        teams.Clock = world.Clock;
        var now = world.Clock.GetUtcNow();
        // 150 messages to one conversation and 5 to each of 59 others: both the
        // conversation's windows and the tenant's come into play.
        world.Enqueue(Enumerable.Range(1, 150).Select(i => DispatchWorld.Message($"busy-{i:D3}", DispatchWorld.Recipient(1), now))
            .Concat(Enumerable.Range(2, 59).SelectMany(r => Enumerable.Range(1, 5).Select(i => DispatchWorld.Message($"m-{r:D3}-{i}", DispatchWorld.Recipient(r), now)))));

        await world.DrainAsync();

        var calls = teams.Calls.ToList();
        calls.Should().HaveCount(150 + 59 * 5);
        calls.Select(c => c.Text).Should().OnlyHaveUniqueItems();
        world.InState(OutboxState.Sent).Should().HaveCount(150 + 59 * 5);
        MaxInWindow(calls.Select(c => c.At), TimeSpan.FromSeconds(1)).Should().Be(30, "the tenant limit is used, never exceeded");
        foreach (var conversation in calls.GroupBy(c => c.Conversation))
        {
            MaxInWindow(conversation.Select(c => c.At), TimeSpan.FromSeconds(1)).Should().BeLessThanOrEqualTo(7, conversation.Key);
            MaxInWindow(conversation.Select(c => c.At), TimeSpan.FromSeconds(30)).Should().BeLessThanOrEqualTo(60, conversation.Key);
        }

        var busy = calls.Where(c => c.Conversation == "conv-R-001").Select(c => c.At).ToList();
        MaxInWindow(busy, TimeSpan.FromSeconds(30)).Should().Be(60, "the 30-second window binds the busy conversation");
        (busy.Max() - DispatchWorld.Start).Should().BeLessThan(TimeSpan.FromSeconds(75), "150 messages at 60 per 30 s need just over 60 s, not much more");
    }

    [Fact]
    public async Task Throttled_NoCallToThatConversationOrTenantBeforeRetryAfter_AndTheTryIsGivenBack()
    {
        var teams = new RecordingTeams { ThrottleCall = 3, RetryAfter = TimeSpan.FromSeconds(7) };
        await using var world = await DispatchWorld.StartAsync(3, teams);
        teams.Clock = world.Clock;
        var now = world.Clock.GetUtcNow();
        world.Enqueue(Enumerable.Range(1, 3).SelectMany(r => Enumerable.Range(1, 20).Select(i => DispatchWorld.Message($"m-{r}-{i:D2}", DispatchWorld.Recipient(r), now))));

        await world.DrainAsync();

        var calls = teams.Calls.ToList();
        var throttled = calls.Single(c => c.Throttled);
        calls.Where(c => c != throttled && c.At > throttled.At).Should().NotBeEmpty()
            .And.OnlyContain(c => c.At >= throttled.At + TimeSpan.FromSeconds(7), "the tenant waits for Retry-After");
        calls.Count(c => c.Text == throttled.Text).Should().Be(2);
        world.InState(OutboxState.Sent).Should().HaveCount(60);
        world.Outbox(throttled.Text).Attempts.Should().Be(1, "a 429 is not a failed try");
    }

    [Fact]
    public async Task TeamsIsChosenBeforeSlack_WhenARecipientHasBoth()
    {
        var teams = new RecordingTeams { Reaches = c => c.Value == "R-001" };
        await using var world = await DispatchWorld.StartAsync(2, teams);
        teams.Clock = world.Clock;
        var now = world.Clock.GetUtcNow();

        world.Enqueue([DispatchWorld.Message("both", DispatchWorld.Recipient(1), now), DispatchWorld.Message("slack-only", DispatchWorld.Recipient(2), now)]);
        await world.DrainAsync();

        teams.Calls.Select(c => c.Text).Should().Equal("both");
        world.Accepted().Select(g => g.Key).Should().Equal("slack-only");
    }

    /// <summary>The most instants in any half-open interval [t, t + window) that starts at one of them.</summary>
    private static int MaxInWindow(IEnumerable<DateTimeOffset> instants, TimeSpan window)
    {
        var sorted = instants.Order().ToList();
        var max = 0;
        for (int i = 0, j = 0; i < sorted.Count; i++)
        {
            while (j < sorted.Count && sorted[j] < sorted[i] + window)
            {
                j++;
            }

            max = Math.Max(max, j - i);
        }

        return max;
    }

    /// <summary>A platform with Teams' limits that accepts everything (but the <see cref="ThrottleCall"/>-th call), noting the fake time of each call.</summary>
    private sealed class RecordingTeams : IChatDelivery
    {
        private int _count;

        public FakeTimeProvider Clock { get; set; } = null!;

        public int ThrottleCall { get; init; }

        public TimeSpan RetryAfter { get; init; }

        public Func<StaffCode, bool> Reaches { get; init; } = _ => true;

        public ConcurrentQueue<Call> Calls { get; } = new();

        public Channel Platform => Channel.Teams;

        public ChatAddress? AddressOf(Staff staff) => Reaches(staff.Code) ? new ChatAddress("aad-" + staff.Code.Value, "conv-" + staff.Code.Value, "tenant-1") : null;

        public Task<DeliveryResult> DeliverAsync(ChatAddress to, MessageContent content, CancellationToken cancel)
        {
            var n = Interlocked.Increment(ref _count);
            var throttled = n == ThrottleCall;
            Calls.Enqueue(new Call(Clock.GetUtcNow(), to.Conversation, content.Text, throttled));
            return Task.FromResult<DeliveryResult>(throttled ? new DeliveryResult.Throttled(RetryAfter) : new DeliveryResult.Accepted("a-" + n));
        }

        public sealed record Call(DateTimeOffset At, string Conversation, string Text, bool Throttled);
    }
}
