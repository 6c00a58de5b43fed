namespace McsOps.Core;

/// <summary>
/// What the due list needs to know about a group without reading its members: kept by the store
/// for every group, recomputed in the same transaction as any change to the group, its members,
/// its patient or its reviews.
/// </summary>
public sealed record GroupFacts(
    GroupCode Group,
    StaffCode? Owner,
    string? Cron,
    int ActiveMembers,
    DateTimeOffset? ReviewNext,
    string? ConsentFinding)
{
    /// <summary>"Reviewable since forever": a group never reviewed whose creation date is unknown.</summary>
    public static readonly DateTimeOffset Always = DateTimeOffset.UnixEpoch;
}
