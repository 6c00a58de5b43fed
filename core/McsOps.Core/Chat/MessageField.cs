namespace McsOps.Core;

/// <summary>A labelled value of a neutral chat message (rendered as Slack fields or an Adaptive Card fact).</summary>
public sealed record MessageField(string Label, string Value);
