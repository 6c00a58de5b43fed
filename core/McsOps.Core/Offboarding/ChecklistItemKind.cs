namespace McsOps.Core;

/// <summary>The steps of 退職・異動時チェックリスト (design §5.5).</summary>
public enum ChecklistItemKind
{
    [Token("hand_over_group")] HandOverGroup,
    [Token("leave_group")] LeaveGroup,
    [Token("revoke_admin")] RevokeAdmin,
    [Token("delete_account")] DeleteAccount,
    [Token("release_staff")] ReleaseStaff,
    [Token("return_device")] ReturnDevice,
    [Token("revoke_certificate")] RevokeCertificate,
    [Token("acknowledge_confidentiality")] AcknowledgeConfidentiality,
    [Token("unlink_chat")] UnlinkChat,
}
