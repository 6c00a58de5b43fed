namespace McsOps.Bot.Limits;

/// <summary>What the limits log: who (an OS user, an address, a platform user id) and the limit, nothing else.</summary>
internal static partial class LimitLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Admin API lockout of {OsUser}: {Why}")]
    public static partial void AdminLockedOut(ILogger logger, string osUser, string why);
}
