namespace McsOps.Core;

/// <summary>A button of a neutral chat message: its label and the action id + value it sends back.</summary>
public sealed record MessageButton(string Label, string ActionId, string Value);
