namespace McsOps.Core;

/// <summary>One member under review: the decision, who made it, when, through which channel, and why.</summary>
public sealed record ReviewItem
{
    public required StaffCode Member { get; init; }

    public ReviewDecision Decision { get; init; }

    public string? Justification { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public Channel? Channel { get; init; }

    public MemberSignal Signals { get; init; }
}
