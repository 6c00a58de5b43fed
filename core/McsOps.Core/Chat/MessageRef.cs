namespace McsOps.Core;

/// <summary>Where a chat message lives on its platform: the conversation (Slack channel, Teams conversation) and the message's id there.</summary>
public sealed record MessageRef(string Conversation, string Id);
