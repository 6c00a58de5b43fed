namespace McsOps.Bot.Chat.Teams;

/// <summary>An activity that does not have the shape of the Bot Framework schema (answered 400).</summary>
internal sealed class MalformedActivityException(string message) : Exception(message);
