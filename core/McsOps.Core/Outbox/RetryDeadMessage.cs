using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// An admin sends a dead outbox message again (after fixing what made it fail: a link, a
/// platform's settings): it is pending again, due now, with its attempts back at zero. Only a
/// <c>dead</c> message can be retried; the audit entry names its key, recipient and last error.
/// </summary>
public sealed record RetryDeadMessage(string Key) : IOperation<OutboxMessage>;

internal sealed class RetryDeadMessageHandler : IHandler<RetryDeadMessage, OutboxMessage>
{
    public OutboxMessage Handle(RetryDeadMessage op, OperationContext ctx)
    {
        var s = ctx.Session;
        var message = (string.IsNullOrWhiteSpace(op.Key) ? null : s.Outbox.Find(op.Key.Trim()))
            ?? throw OperationContext.Rejected("op.unknown", op.Key);
        if (message.State != OutboxState.Dead)
        {
            throw OperationContext.Rejected("op.outbox.notdead", message.Key, Tokens.Format(message.State));
        }

        var retried = message with { State = OutboxState.Pending, Attempts = 0, NotBefore = ctx.Now, LastError = null };
        s.Outbox.Upsert(retried);
        ctx.Audit("outbox.retry", message.Recipient.Value, $"{message.Key}; last error: {message.LastError ?? "-"}");
        return retried;
    }
}
