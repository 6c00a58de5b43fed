using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// A terminal session ended without the user (idle timeout: MHLW asks that an unattended terminal
/// be cleared). Recorded for every role, the read-only auditor included: it changes no data.
/// </summary>
public sealed record RecordSessionEnd(string Reason) : IOperation<AuditEntry>, IAuditOnly;

internal sealed class RecordSessionEndHandler : IHandler<RecordSessionEnd, AuditEntry>
{
    public AuditEntry Handle(RecordSessionEnd op, OperationContext ctx) =>
        ctx.Session.Audit.Append(ctx.Actor, "session.end", ctx.Actor.Id, op.Reason);
}
