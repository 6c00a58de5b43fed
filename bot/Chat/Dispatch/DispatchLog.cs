namespace McsOps.Bot.Chat.Dispatch;

/// <summary>What the dispatcher logs: message keys (codes and kinds only), platforms and their error words, never content.</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Outbox pass: {Sent} sent, {Throttled} throttled, {Retrying} to retry, {Dead} dead, {Unlinked} held (no chat linked)")]
    public static partial void Pass(ILogger logger, int sent, int throttled, int retrying, int dead, int unlinked);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Outbox message {Key} is dead after {Attempts} attempt(s) on {Platform}: {Error}")]
    public static partial void Dead(ILogger logger, string key, int attempts, string platform, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Outbox pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Outbox dispatcher on {Platforms} (max {MaxAttempts} attempts)")]
    public static partial void Started(ILogger logger, string platforms, int maxAttempts);
}
