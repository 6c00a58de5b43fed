using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>The sweep's outbox: quiet hours for non-urgent messages, and one admin digest per digest time.</summary>
public sealed class SweepMessageTests : IDisposable
{
    private readonly PolicyWorld _w = new PolicyWorld(Jst(2026, 10, 1, 9)).Seed();

    public void Dispose() => _w.Dispose();

    private OutboxMessage Reminder(string group) => _w.Messages.Single(m => m.Kind == "review_reminder" && m.Content.Buttons.Any(b => b.Value == group));

    [Fact]
    public void Sweep_InQuietHoursAtNight_HoldsRemindersUntil0800()
    {
        _w.Sweep(Jst(2026, 10, 1, 21, 30));

        var m = Reminder("G-0042");
        m.CreatedAt.Should().Be(Jst(2026, 10, 1, 21, 30));
        m.NotBefore.Should().Be(Jst(2026, 10, 2, 8));
        m.Urgent.Should().BeFalse();
    }

    [Fact]
    public void Sweep_InQuietHoursEarlyMorning_HoldsRemindersUntil0800TheSameDay()
    {
        _w.Sweep(Jst(2026, 10, 4, 7, 59));

        Reminder("G-0042").NotBefore.Should().Be(Jst(2026, 10, 4, 8));
    }

    [Fact]
    public void Sweep_InDaytime_SendsAtOnce()
    {
        _w.Sweep(Jst(2026, 10, 1, 9));

        Reminder("G-0042").NotBefore.Should().Be(Jst(2026, 10, 1, 9));
    }

    [Fact]
    public void Sweep_Digest_OncePerDigestTimePerAdmin()
    {
        // Digest schedule 30 8 * * 1-5: 2026-11-25 (Wed) and 11-26 (Thu) at 08:30 Tokyo.
        _w.Sweep(Jst(2026, 11, 26, 8, 29));
        _w.Sweep(Jst(2026, 11, 26, 8, 30));
        _w.Sweep(Jst(2026, 11, 26, 17));

        var digests = _w.Messages.Where(m => m.Kind == "digest").ToList();
        digests.Select(m => m.Key).Should().BeEquivalentTo("digest:2026-11-25:S-0001", "digest:2026-11-26:S-0001");
        digests.Should().OnlyContain(m => m.Recipient == S("S-0001"), "S-0001 is the only admin");
    }
}
