namespace McsOps.Core.Audit;

/// <summary>The last link of the chain, recorded by the store in the same transaction as the entry.</summary>
public sealed record AuditHead(long Sequence, string Hash);
