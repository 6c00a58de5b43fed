namespace McsOps.Core;

/// <summary>An invitation waiting for an admin's approval, as the due list needs it.</summary>
public sealed record PendingInvitation(GroupCode Group, StaffCode Invitee, DateOnly? InvitedOn);
