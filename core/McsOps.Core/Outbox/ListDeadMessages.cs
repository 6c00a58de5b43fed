using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>The outbox messages the dispatcher gave up on (<c>dead</c>), oldest first.</summary>
public sealed record ListDeadMessages : IQuery<IReadOnlyList<DeadMessage>>;

internal sealed class ListDeadMessagesHandler : IHandler<ListDeadMessages, IReadOnlyList<DeadMessage>>
{
    public IReadOnlyList<DeadMessage> Handle(ListDeadMessages op, OperationContext ctx) =>
        [.. ctx.Session.Outbox.ByState(OutboxState.Dead)
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new DeadMessage(m.Key, m.Recipient, m.Kind, m.CreatedAt, m.Attempts, m.LastError))];
}
