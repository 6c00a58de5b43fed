namespace McsOps.Core;

/// <summary>What an admin must do by hand in MCS, because McsOps cannot (MCSでの作業).</summary>
public enum McsActionKind
{
    [Token("remove_member")] RemoveMember,
    [Token("approve_invitation")] ApproveInvitation,
    [Token("reject_invitation")] RejectInvitation,
    [Token("archive_group")] ArchiveGroup,
    [Token("release_staff")] ReleaseStaff,
    [Token("revoke_admin")] RevokeAdmin,
    [Token("suspend_staff")] SuspendStaff,
}
