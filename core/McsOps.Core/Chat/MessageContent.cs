namespace McsOps.Core;

/// <summary>Platform-neutral message content: text, fields and buttons. Never a patient's name.</summary>
public sealed record MessageContent
{
    public required string Text { get; init; }

    public IReadOnlyList<MessageField> Fields { get; init; } = [];

    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];
}
