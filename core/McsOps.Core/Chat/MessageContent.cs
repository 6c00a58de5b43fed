namespace McsOps.Core;

/// <summary>Platform-neutral message content: text, fields, buttons and an optional text input. Never a patient's name.</summary>
public sealed record MessageContent
{
    public required string Text { get; init; }

    public IReadOnlyList<MessageField> Fields { get; init; } = [];

    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];

    /// <summary>A free-text box whose value comes back with whichever button is clicked (a justification, evidence).</summary>
    public MessageInput? Input { get; init; }
}
