namespace McsOps.Core;

/// <summary>What tells open reviews apart and orders them, read without their items.</summary>
public sealed record ReviewHead(string Id, GroupCode Group, DateOnly DueOn, StaffCode? Reviewer, ReviewStatus Status);
