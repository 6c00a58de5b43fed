namespace McsOps.Core;

/// <summary>An optional one-line text input of a neutral chat message: its id and its label.</summary>
public sealed record MessageInput(string Id, string Label);
