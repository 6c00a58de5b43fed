using System.Text.Json.Nodes;

namespace McsOps.Bot.Chat.Teams;

/// <summary>A message to send after the Connector has been answered: a reply (to <paramref name="ReplyToId"/>) or, with <paramref name="UpdateId"/>, the replacement of a card the bot sent.</summary>
internal sealed record TeamsReply(string ServiceUrl, string Conversation, string? ReplyToId, string? UpdateId, JsonObject Activity);
