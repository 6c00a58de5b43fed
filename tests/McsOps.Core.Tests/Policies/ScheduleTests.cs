using Cronos;
using McsOps.Core.Scheduling;

namespace McsOps.Core.Tests.Policies;

/// <summary>
/// A cron in a zone with daylight saving. The rule (Schedule's doc comment): a local time skipped
/// by the spring-forward gap fires at the first instant after the gap; a local time repeated by the
/// fall-back overlap fires once, at its first (earlier, summer-time) occurrence.
/// </summary>
public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly Schedule Daily0230 = new(CronExpression.Parse("30 2 * * *"), Berlin);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Next_OrdinaryDay_Fires0230LocalTime()
    {
        Daily0230.Next(Utc(3, 26, 23)).Should().Be(Utc(3, 27, 1, 30), "02:30 CET is 01:30Z");
        Daily0230.Next(Utc(7, 1, 0)).Should().Be(Utc(7, 1, 0, 30), "02:30 CEST is 00:30Z");
    }

    [Fact]
    public void Next_SpringForwardGap_FiresAtTheFirstInstantAfterTheGap()
    {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z); 02:30 does not exist that day.
        var next = Daily0230.Next(Utc(3, 28, 23)).Should().NotBeNull().And.Subject;

        next.Should().Be(Utc(3, 29, 1, 0));
        TimeZoneInfo.ConvertTime(next!.Value, Berlin).DateTime.Should().Be(new DateTime(2026, 3, 29, 3, 0, 0));
        Daily0230.Next(next.Value).Should().Be(Utc(3, 30, 0, 30), "the next day is back to 02:30 CEST");
    }

    [Fact]
    public void Next_FallBackOverlap_FiresOnceAtTheFirstOccurrence()
    {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00Z); 02:30 happens at 00:30Z and again at 01:30Z.
        var first = Daily0230.Next(Utc(10, 24, 22));

        first.Should().Be(Utc(10, 25, 0, 30), "02:30 CEST, the earlier of the two");
        Daily0230.Next(first!.Value).Should().Be(Utc(10, 26, 1, 30), "not again at 02:30 CET on the same day");
    }

    [Theory]
    [InlineData(3, 29)]
    [InlineData(10, 25)]
    [InlineData(7, 1)]
    public void Latest_AnyDay_HasExactlyOneOccurrence(int month, int day)
    {
        var clock = new FacilityClock(Berlin);
        var date = new DateOnly(2026, month, day);
        var (start, end) = (clock.StartOf(date), clock.StartOf(date.AddDays(1)));

        var count = 0;
        for (var t = Daily0230.Next(start.AddMilliseconds(-1)); t is { } x && x < end; t = Daily0230.Next(x))
        {
            count++;
        }

        count.Should().Be(1);
    }

    [Fact]
    public void Latest_OverTheOverlapDay_IsTheFirstOccurrence() =>
        Daily0230.Latest(Utc(10, 24, 22), Utc(10, 25, 3)).Should().Be(Utc(10, 25, 0, 30));

    [Fact]
    public void Next_Tokyo_HasNoDaylightSaving() =>
        new Schedule(CronExpression.Parse("0 9 1 1,4,7,10 *"), PolicyWorld.Tokyo).Next(Utc(3, 29, 0)).Should().Be(Utc(4, 1, 0));

    [Fact]
    public void DayStart_AcrossSpringForward_IsLocalMidnight()
    {
        // Day 7 of something opened on 2026-03-25 (CET) begins at 00:00 CEST on 04-01, i.e. 22:00Z on 03-31.
        var clock = new FacilityClock(Berlin);

        clock.DayStart(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.FromHours(1)), 7).Should().Be(Utc(3, 31, 22));
    }

    [Fact]
    public void ShouldEscalate_BerlinFacility_UsesBerlinMidnight()
    {
        var policy = new PolicySettings { Zone = Berlin };
        var review = new Review
        {
            Id = "G-0042@1",
            Group = GroupCode.Parse("G-0042"),
            OpenedAt = new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.FromHours(1)),
            DueOn = new DateOnly(2026, 4, 8),
            Items = [new ReviewItem { Member = StaffCode.Parse("S-0001") }],
        };

        ReviewPolicy.ShouldEscalate(review, Utc(3, 31, 22).AddMilliseconds(-1), policy).Should().BeFalse();
        ReviewPolicy.ShouldEscalate(review, Utc(3, 31, 22), policy).Should().BeTrue();
    }
}
