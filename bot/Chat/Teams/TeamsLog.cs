namespace McsOps.Bot.Chat.Teams;

/// <summary>What the Teams adapter logs: reasons and status codes, never message content.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Teams request refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Teams {Activity} failed")]
    public static partial void Failed(ILogger logger, string activity, Exception exception);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Teams delivery failed: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Teams replies are queued faster than the Connector takes them: one was dropped")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Teams signing keys could not be fetched: {Error}")]
    public static partial void KeysFailed(ILogger logger, string error);
}
