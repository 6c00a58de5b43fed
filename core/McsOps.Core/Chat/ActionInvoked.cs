namespace McsOps.Core;

/// <summary>
/// A button clicked in chat: the button's action id and value, the text in the message's input
/// box (if it has one), and the message the button was on, so that the answer can replace it.
/// </summary>
public sealed record ActionInvoked(Channel Platform, string PlatformUserId, string ActionId, string Value, string? Input = null, MessageRef? Message = null);
