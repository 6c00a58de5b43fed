namespace McsOps.Core;

/// <summary>A leaver's offboarding checklist: done only when every item is done and an admin signed it off.</summary>
public sealed record Checklist
{
    public required StaffCode Staff { get; init; }

    public required DateOnly LastDay { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<ChecklistItem> Items { get; init; } = [];

    public string? SignedOffBy { get; init; }

    public DateTimeOffset? SignedOffAt { get; init; }

    public bool IsOpen => SignedOffAt is null;

    public bool HasOpenItem(string id) => Items.Any(i => i.Id == id && !i.IsDone);

    /// <summary>The checklist with the item marked done.</summary>
    public Checklist Tick(string id, string by, DateTimeOffset at, string? evidence) =>
        this with { Items = [.. Items.Select(i => i.Id == id ? i with { DoneAt = at, DoneBy = by, Evidence = evidence } : i)] };
}
