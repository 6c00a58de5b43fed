namespace McsOps.Core.Application;

/// <summary>
/// A question a screen or a verb asks: run like an operation (same records, same handlers, same
/// transport to the service) but in a read transaction, so it changes nothing and audits nothing.
/// </summary>
public interface IQuery<TResult> : IOperation<TResult>;
