namespace McsOps.Core.Application;

/// <summary>
/// How a front end runs operations and queries: in this process on the open store (embedded
/// mode), or through the service. The client knows who is calling; the caller does not say.
/// </summary>
public interface IOpsClient
{
    /// <summary>Who the changes are recorded as.</summary>
    Actor Actor { get; }

    /// <summary>True when the caller may only read (the auditor role): operations that change data are refused; queries and audited reads run.</summary>
    bool ReadOnly { get; }

    /// <summary>Moves whenever committed data changed; a screen compares it to know when to reload.</summary>
    long ChangeCounter { get; }

    TResult Execute<TResult>(IOperation<TResult> operation);
}

/// <summary>Embedded mode: this process owns the store.</summary>
public sealed class LocalOpsClient(Ops ops, Actor actor, bool readOnly) : IOpsClient
{
    public Actor Actor { get; } = actor;

    public bool ReadOnly { get; } = readOnly;

    public long ChangeCounter => ops.Store.ChangeCounter;

    public TResult Execute<TResult>(IOperation<TResult> operation)
    {
        if (ReadOnly && operation is not (IQuery<TResult> or IAuditedRead<TResult>))
        {
            throw new OpsException(ExitCode.InputRejected, "op.readonly", Actor.Id);
        }

        return ops.Execute(operation, Actor);
    }
}
