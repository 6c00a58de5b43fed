namespace McsOps.Core;

/// <summary>
/// One link of the append-only audit chain: <see cref="Hash"/> is SHA-256 over the previous hash
/// and every other field, so editing, deleting or reordering an entry breaks the chain.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    Channel Channel,
    string Action,
    string Subject,
    string Details,
    string PreviousHash,
    string Hash);
