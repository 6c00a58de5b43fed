namespace McsOps.Core;

/// <summary><see cref="Open"/> and <see cref="Escalated"/> are both still open: a group has at most one of them.</summary>
public enum ReviewStatus
{
    [Token("open")] Open,
    [Token("escalated")] Escalated,
    [Token("completed")] Completed,
    [Token("cancelled")] Cancelled,
}
