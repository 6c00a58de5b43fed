using System.Collections.Concurrent;
using Cronos;
using McsOps.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace McsOps.Core.Tests.Policies;

/// <summary>The scheduler loop on a fake clock: catch-up once after downtime, then every occurrence.</summary>
public sealed class RecurringTests
{
    private static readonly Schedule Every15 = new(CronExpression.Parse("*/15 * * * *"), TestStore.Tokyo);

    [Fact]
    public async Task AfterTwoHoursDown_CatchesUpOnce_ThenRunsAtEachOccurrence()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 7, 0, TimeSpan.Zero));
        var runs = new ConcurrentQueue<DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var loop = Recurring.RunAsync(Every15, time, lastRun: time.GetUtcNow().AddHours(-2), runs.Enqueue, _ => { }, stop.Token);

        await Until(() => runs.Count == 1);
        runs.Should().Equal(time.GetUtcNow());

        time.Advance(TimeSpan.FromMinutes(8));
        await Until(() => runs.Count == 2);
        time.Advance(TimeSpan.FromMinutes(15));
        await Until(() => runs.Count == 3);

        runs.Skip(1).Select(r => r.Minute).Should().Equal(15, 30);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task NoSlotMissed_NoCatchUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 7, 0, TimeSpan.Zero));
        var runs = new ConcurrentQueue<DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var loop = Recurring.RunAsync(Every15, time, lastRun: time.GetUtcNow().AddMinutes(-5), runs.Enqueue, _ => { }, stop.Token);

        await Task.Delay(100);
        runs.Should().BeEmpty("03:00 was run at 03:02; 03:15 has not come");
        time.Advance(TimeSpan.FromMinutes(8));
        await Until(() => runs.Count == 1);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task AFailingRun_IsReported_AndTheScheduleGoesOn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 7, 0, TimeSpan.Zero));
        var failures = new ConcurrentQueue<Exception>();
        var runs = 0;
        using var stop = new CancellationTokenSource();
        var loop = Recurring.RunAsync(Every15, time, lastRun: null, _ =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new IOException("disk full");
            }
        }, failures.Enqueue, stop.Token);

        await Until(() => failures.Count == 1);
        time.Advance(TimeSpan.FromMinutes(8));
        await Until(() => Volatile.Read(ref runs) == 2);
        failures.Single().Message.Should().Be("disk full");
        await stop.CancelAsync();
        await loop;
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().Should().BeTrue();
    }
}
