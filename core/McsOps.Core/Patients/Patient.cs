namespace McsOps.Core;

/// <summary>
/// 患者. <see cref="Name"/> and <see cref="Kana"/> are personal data: they are shown in the TUI only;
/// everywhere else the patient is its <see cref="Code"/>.
/// </summary>
public sealed record Patient
{
    public required PatientCode Code { get; init; }

    public required string Name { get; init; }

    public string? Kana { get; init; }

    public StaffCode? AttendingStaff { get; init; }

    public PatientStatus Status { get; init; }

    public DateOnly? DischargedOn { get; init; }

    public DischargeReason? DischargeReason { get; init; }

    public Consent? Consent { get; init; }

    /// <summary>When MCS's management of the patient moved to us (管理施設の変更); a new consent must follow.</summary>
    public DateOnly? TransferredInOn { get; init; }
}
