namespace McsOps.Core;

/// <summary>
/// メンバー精査 of one group. <see cref="OpenedAt"/> is the cron time it was opened for (or the
/// moment an ad-hoc review was opened); <see cref="Id"/> is the group code and that instant,
/// so the same occurrence can never be opened twice.
/// </summary>
public sealed record Review
{
    public required string Id { get; init; }

    public required GroupCode Group { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateOnly DueOn { get; init; }

    public StaffCode? Reviewer { get; init; }

    public ReviewStatus Status { get; init; }

    public bool AdHoc { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }

    public IReadOnlyList<ReviewItem> Items { get; init; } = [];

    public bool IsOpen => Status is ReviewStatus.Open or ReviewStatus.Escalated;

    public int Pending => Items.Count(i => i.Decision == ReviewDecision.Pending);

    public static string IdFor(GroupCode group, DateTimeOffset openedAt) =>
        $"{group.Value}@{openedAt.ToUnixTimeMilliseconds()}";
}
