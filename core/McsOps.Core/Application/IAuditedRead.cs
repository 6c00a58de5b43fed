namespace McsOps.Core.Application;

/// <summary>
/// A read that leaves a trace: it changes nothing but appends one audit entry (who looked at which
/// patient, MHLW GL §17; a session left unattended; an export), so it runs in a write transaction. A read-only caller (the auditor) may
/// run it, as it may run a query.
/// </summary>
public interface IAuditedRead<TResult> : IOperation<TResult>;
