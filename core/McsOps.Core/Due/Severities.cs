namespace McsOps.Core;

/// <summary>The severity rule shared by every finding.</summary>
public static class Severities
{
    /// <summary>
    /// Overdue after the due date (or when there is no date at all: a missing pledge, an unknown
    /// password class), due on the day, upcoming within <paramref name="upcomingDays"/>; null
    /// when it is further away than that.
    /// </summary>
    public static Severity? Of(DateOnly? due, DateOnly today, int upcomingDays)
    {
        if (due is not { } d || today > d)
        {
            return Severity.Overdue;
        }

        if (today == d)
        {
            return Severity.Due;
        }

        return d.DayNumber - today.DayNumber <= upcomingDays ? Severity.Upcoming : null;
    }
}
