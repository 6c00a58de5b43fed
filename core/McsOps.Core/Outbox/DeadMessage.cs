namespace McsOps.Core;

/// <summary>One line of the dead-letter list: what it was, for whom, how often it was tried and why it failed (never its content).</summary>
public sealed record DeadMessage(string Key, StaffCode Recipient, string Kind, DateTimeOffset CreatedAt, int Attempts, string? LastError);
