using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>The due list at <see cref="At"/> (now when null): what the dashboard and <c>mcsops due</c> show.</summary>
public sealed record GetDueList(DateTimeOffset? At = null) : IQuery<IReadOnlyList<DueFinding>>;

internal sealed class GetDueListHandler : IHandler<GetDueList, IReadOnlyList<DueFinding>>
{
    public IReadOnlyList<DueFinding> Handle(GetDueList op, OperationContext ctx) => DueList.Compute(ctx.Session, ctx.Policy, op.At ?? ctx.Now);
}
