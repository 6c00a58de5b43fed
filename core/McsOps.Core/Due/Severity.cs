namespace McsOps.Core;

/// <summary>期限切れ / 本日期限 / 近日期限, in the facility's time zone.</summary>
public enum Severity
{
    [Token("overdue")] Overdue,
    [Token("due")] Due,
    [Token("upcoming")] Upcoming,
}
