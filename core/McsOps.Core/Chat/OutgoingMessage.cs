namespace McsOps.Core;

/// <summary>An answer in chat: the content, and the message it replaces in place (null: a new message).</summary>
public sealed record OutgoingMessage(MessageContent Content, MessageRef? Replaces = null);
