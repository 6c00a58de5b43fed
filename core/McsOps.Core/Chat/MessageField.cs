namespace McsOps.Core;

/// <summary>
/// A labelled value of a neutral chat message (rendered as Slack fields or an Adaptive Card fact).
/// <see cref="Buttons"/> belong to this row only (keep / remove / unsure for one member).
/// </summary>
public sealed record MessageField(string Label, string Value)
{
    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];
}
