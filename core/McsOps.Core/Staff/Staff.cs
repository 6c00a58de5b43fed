namespace McsOps.Core;

/// <summary>
/// スタッフ: our own staff and external professionals alike. Password facts are the class and the
/// date of the last change, never the password.
/// </summary>
public sealed record Staff
{
    public required StaffCode Code { get; init; }

    public required FacilityCode Facility { get; init; }

    public required string Name { get; init; }

    public string? Kana { get; init; }

    public required Profession Profession { get; init; }

    public string? Email { get; init; }

    public StaffRoles Roles { get; init; }

    public StaffStatus Status { get; init; }

    public DateOnly? LastDay { get; init; }

    public bool IdentityVerified { get; init; }

    public bool ProfileComplete { get; init; }

    public bool PhotoSet { get; init; }

    public PasswordClass PasswordClass { get; init; }

    public DateOnly? PasswordChangedOn { get; init; }

    public DateOnly? PledgeSignedOn { get; init; }

    public DateOnly? LastTrainingOn { get; init; }

    public string? SlackUserId { get; init; }

    public string? TeamsUserId { get; init; }

    public string? OsUser { get; init; }
}
