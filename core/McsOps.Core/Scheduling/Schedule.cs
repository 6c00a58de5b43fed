using Cronos;

namespace McsOps.Core.Scheduling;

/// <summary>
/// A cron expression in an IANA zone. The rule for local times that do not exist or exist twice
/// is Cronos's, stated here because schedules depend on it: a time skipped by a daylight-saving
/// gap fires at the first instant after the gap; a time repeated by an overlap fires once, at its
/// first (earlier) occurrence. Tokyo has neither; Berlin has both (tested).
/// </summary>
public sealed class Schedule
{
    private readonly CronExpression _cron;

    public Schedule(CronExpression cron, TimeZoneInfo zone)
    {
        _cron = cron ?? throw new ArgumentNullException(nameof(cron));
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, if any.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) =>
        _cron.GetNextOccurrence(after.UtcDateTime, Zone, inclusive: false) is { } next
            ? new DateTimeOffset(next, TimeSpan.Zero)
            : null;

    /// <summary>
    /// The latest occurrence at or before <paramref name="at"/> and strictly after
    /// <paramref name="after"/>; null when there is none in that window.
    /// </summary>
    public DateTimeOffset? Latest(DateTimeOffset after, DateTimeOffset at)
    {
        DateTimeOffset? latest = null;
        var cursor = after;
        while (Next(cursor) is { } next && next <= at)
        {
            latest = next;
            cursor = next;
        }

        return latest;
    }
}
