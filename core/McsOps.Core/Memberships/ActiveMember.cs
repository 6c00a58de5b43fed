namespace McsOps.Core;

/// <summary>
/// An active member of a group with what tells when they were added, read without the rest of
/// the membership: the sweep reads every member of the groups it opens reviews for, and building
/// each whole record (its history above all) was most of that read.
/// </summary>
public sealed record ActiveMember(GroupCode Group, StaffCode Staff, DateOnly? ApprovedOn, DateOnly? InvitedOn, DateTimeOffset? FirstRecordedAt);
