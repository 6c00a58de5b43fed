namespace McsOps.Core.Application;

/// <summary>
/// How a front end runs operations and queries: in this process on the open store
/// (<see cref="LocalOpsClient"/>, embedded mode), or through the service's admin socket
/// (<see cref="RemoteOpsClient"/>). The client knows who is calling; the caller does not say.
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
