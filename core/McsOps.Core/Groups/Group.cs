namespace McsOps.Core;

/// <summary>
/// A patient group (exactly one patient) or a free group. <see cref="McsName"/> is the group's name
/// in MCS and usually holds the patient's name: personal data, kept out of chat, logs and the due list.
/// </summary>
public sealed record Group
{
    public required GroupCode Code { get; init; }

    public required GroupKind Kind { get; init; }

    public required string McsName { get; init; }

    public PatientCode? Patient { get; init; }

    public StaffCode? Owner { get; init; }

    /// <summary>The group's own review schedule; null means the facility's default.</summary>
    public string? ReviewCron { get; init; }

    public GroupStatus Status { get; init; }

    public DateOnly? CreatedOn { get; init; }
}
