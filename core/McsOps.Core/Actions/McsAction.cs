namespace McsOps.Core;

/// <summary>
/// A visible, owned, dated piece of work in MCS. <see cref="Key"/> identifies it
/// (<c>archive_group:G-0042</c>), so that the same cause never creates it twice.
/// </summary>
public sealed record McsAction
{
    public required string Key { get; init; }

    public required McsActionKind Kind { get; init; }

    /// <summary>The one code the action is about: a group code, or a staff code.</summary>
    public required string Subject { get; init; }

    /// <summary>For a member removal, the member; otherwise null.</summary>
    public StaffCode? Member { get; init; }

    public StaffCode? Owner { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? DoneBy { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public string? Note { get; init; }

    public bool IsOpen => DoneAt is null;
}
