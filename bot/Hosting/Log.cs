using Microsoft.Extensions.Logging;

namespace McsOps.Bot.Hosting;

/// <summary>What the service logs, as templates (structured in the JSON format). Codes and OS user names only, never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "The database {Database} is in use by another process ({Holder}); waiting for it")]
    public static partial void WaitingForLock(ILogger logger, string database, string holder);

    [LoggerMessage(2, LogLevel.Information, "Database {Database} open (schema {Schema}, {Changes} changes); admin API on {Socket}")]
    public static partial void Ready(ILogger logger, string database, int schema, long changes, string socket);

    [LoggerMessage(3, LogLevel.Critical, "The database cannot be opened: {Reason}")]
    public static partial void OpenFailed(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Information, "Waiting for {Count} operation(s) in flight before closing the database")]
    public static partial void Draining(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Information, "Database closed and its lock released")]
    public static partial void Closed(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "{OsUser} ({Actor}, {Channel}) ran {Operation}: {Outcome} in {Milliseconds} ms")]
    public static partial void Ran(ILogger logger, string osUser, string actor, string channel, string operation, string outcome, long milliseconds);

    [LoggerMessage(7, LogLevel.Warning, "{OsUser} ({Actor}) was refused {Operation}: {Reason}")]
    public static partial void Refused(ILogger logger, string osUser, string actor, string operation, string reason);

    [LoggerMessage(8, LogLevel.Error, "Admin API request {Request} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string request);

    [LoggerMessage(9, LogLevel.Warning, "Deleted {Count} received file(s) that a previous run of the service left in its uploads directory")]
    public static partial void UploadsCleared(ILogger logger, int count);

    [LoggerMessage(20, LogLevel.Information, "Sweep at {At}: {Opened} reviews opened, {Escalated} escalated, {Messages} messages")]
    public static partial void Swept(ILogger logger, DateTimeOffset at, int opened, int escalated, int messages);

    [LoggerMessage(21, LogLevel.Information, "Backup {File} taken and verified (writes paused {PauseMs} ms)")]
    public static partial void BackedUp(ILogger logger, string file, double pauseMs);

    [LoggerMessage(22, LogLevel.Error, "Scheduled {Job} failed: {Reason}")]
    public static partial void JobFailed(ILogger logger, string job, string reason);
}
