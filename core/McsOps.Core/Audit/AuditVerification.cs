namespace McsOps.Core.Audit;

/// <summary>The result of walking the chain: how many entries held, and the first broken sequence, if any.</summary>
public sealed record AuditVerification(long Verified, long? FirstBroken)
{
    public bool Intact => FirstBroken is null;
}
