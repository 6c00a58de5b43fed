namespace McsOps.Bot.Chat.Slack;

/// <summary>What the Slack adapter logs: codes and Slack's error words, never message content.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Slack request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Slack {Route} failed")]
    public static partial void Failed(ILogger logger, string route, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Slack delivery failed: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Slack replies are queued faster than Slack takes them: one was dropped")]
    public static partial void QueueFull(ILogger logger);
}
