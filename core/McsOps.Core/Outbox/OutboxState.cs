namespace McsOps.Core;

public enum OutboxState
{
    [Token("pending")] Pending,
    [Token("sent")] Sent,
    [Token("dead")] Dead,
}
