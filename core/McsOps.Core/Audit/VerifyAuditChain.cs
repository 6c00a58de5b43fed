using McsOps.Core.Application;

namespace McsOps.Core.Audit;

/// <summary>Walks the whole audit chain against the head recorded with the data.</summary>
public sealed record VerifyAuditChain : IQuery<AuditVerification>;

internal sealed class VerifyAuditChainHandler : IHandler<VerifyAuditChain, AuditVerification>
{
    public AuditVerification Handle(VerifyAuditChain operation, OperationContext context) =>
        AuditChain.Verify(context.Session.Audit.All(), context.Session.Audit.Head());
}
