namespace McsOps.Core;

/// <summary>参加: one staff member in one group; the pair is the key. Keeps its state history.</summary>
public sealed record Membership
{
    public required GroupCode Group { get; init; }

    public required StaffCode Staff { get; init; }

    public required MembershipState State { get; init; }

    public StaffCode? InvitedBy { get; init; }

    public DateOnly? InvitedOn { get; init; }

    public DateOnly? ApprovedOn { get; init; }

    public DateOnly? RemovedOn { get; init; }

    public IReadOnlyList<MembershipEvent> History { get; init; } = [];
}
