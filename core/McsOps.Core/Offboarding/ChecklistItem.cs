namespace McsOps.Core;

/// <summary>
/// One step of a leaver's checklist. <see cref="Subject"/> is the group code or asset tag the step
/// is about, if any; <see cref="Owner"/> is the leaver for their own steps, null for the admins'.
/// </summary>
public sealed record ChecklistItem
{
    public required string Id { get; init; }

    public required ChecklistItemKind Kind { get; init; }

    public string? Subject { get; init; }

    public StaffCode? Owner { get; init; }

    public required DateOnly DueOn { get; init; }

    public string? DoneBy { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public string? Evidence { get; init; }

    public bool IsDone => DoneAt is not null;
}
