namespace McsOps.Core.Application;

/// <summary>
/// An operation that changes no data and only leaves its audit entry (a session that ended, an
/// export): the read-only auditor may run it, as they may run every query.
/// </summary>
public interface IAuditOnly;
