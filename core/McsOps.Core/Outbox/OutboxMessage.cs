namespace McsOps.Core;

/// <summary>
/// A notification written in the same transaction as the change that causes it. <see cref="Key"/>
/// is its idempotency key (<c>review:G-0042:2026-10-01:day3:S-0007</c>): enqueuing the same key
/// twice keeps the first.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>
    /// The <see cref="LastError"/> of a message the dispatcher holds because its recipient has no
    /// chat linked on any configured platform: it stays pending (it goes once they link) and the
    /// recipient is listed in the admins' digest.
    /// </summary>
    public const string Unlinked = "unlinked";

    public required string Key { get; init; }

    public required StaffCode Recipient { get; init; }

    public required string Kind { get; init; }

    public required MessageContent Content { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public bool Urgent { get; init; }

    public int Attempts { get; init; }

    public OutboxState State { get; init; }

    public string? LastError { get; init; }

    public string? PlatformMessageId { get; init; }
}
