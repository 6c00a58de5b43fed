namespace McsOps.Core.Application;

/// <summary>Embedded mode: this process owns the store.</summary>
public sealed class LocalOpsClient(Ops ops, Actor actor, bool readOnly) : IOpsClient
{
    public Actor Actor { get; } = actor;

    public bool ReadOnly { get; } = readOnly;

    public long ChangeCounter => ops.Store.ChangeCounter;

    public TResult Execute<TResult>(IOperation<TResult> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (ReadOnly && !OperationType.Of(operation.GetType()).AllowsReadOnly)
        {
            throw new OpsException(ExitCode.NotPermitted, "op.readonly", Actor.Id);
        }

        return ops.Execute(operation, Actor);
    }
}
