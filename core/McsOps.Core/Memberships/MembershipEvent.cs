namespace McsOps.Core;

/// <summary>One step in a membership's life: the state it entered, when, who did it, and why.</summary>
public sealed record MembershipEvent(MembershipState State, DateTimeOffset At, string Actor, string? Reason);
