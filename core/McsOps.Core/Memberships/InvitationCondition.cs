namespace McsOps.Core;

/// <summary>
/// One condition of design §5.4 for one invitee: its name (<c>identity_verified</c>, <c>profile</c>,
/// <c>photo</c>, <c>staying</c>, <c>facility_accepted</c>) and, when it fails, the failure token
/// that the decision's audit entry records (<c>not_verified</c>, <c>leaving</c>, …).
/// </summary>
public sealed record InvitationCondition(string Name, string? Failure)
{
    public bool Met => Failure is null;
}
