using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>The newest entries of the audit log, newest first, and how many there are in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long Total);

/// <summary>The newest <see cref="Newest"/> audit entries (null: every entry), newest first.</summary>
public sealed record ListAudit(int? Newest) : IQuery<AuditPage>;

internal sealed class ListAuditHandler : IHandler<ListAudit, AuditPage>
{
    public AuditPage Handle(ListAudit op, OperationContext ctx) =>
        new(ctx.Session.Audit.Newest(op.Newest ?? int.MaxValue), ctx.Session.Audit.Count());
}
