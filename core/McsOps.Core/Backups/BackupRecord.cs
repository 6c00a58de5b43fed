namespace McsOps.Core;

/// <summary>
/// One backup run, kept in the database as the backup log (the auditor's evidence): when, which
/// file, whether it was verified, its SHA-256, its size, how long writes waited, and the error of
/// a run that failed.
/// </summary>
public sealed record BackupRecord(DateTimeOffset At, string File, bool Ok, string? Sha256, long Bytes, double PauseMs, string? Error);
