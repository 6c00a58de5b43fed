namespace McsOps.Core;

/// <summary>A message argument that is itself a message, localised together with its parent.</summary>
public sealed record LocalizedReason(string Key, params object?[] Args);
