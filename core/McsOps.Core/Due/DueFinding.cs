namespace McsOps.Core;

/// <summary>
/// One line of the due list. <see cref="Subject"/> is exactly one code (group, staff, asset tag
/// or backup file); <see cref="Detail"/> never holds personal data.
/// </summary>
public sealed record DueFinding(
    DueCategory Category,
    string Kind,
    Severity Severity,
    string Subject,
    DateOnly? Due,
    StaffCode? Owner,
    string Detail);
