namespace McsOps.Tui.App;

/// <summary>The words for the kinds of checklist items and for the channels of the audit log and of decisions.</summary>
internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] WorkEnums =
    [
        ("enum.ChecklistItemKind.hand_over_group", "担当グループの引継ぎ", "hand over group"),
        ("enum.ChecklistItemKind.leave_group", "グループから退出", "leave group"),
        ("enum.ChecklistItemKind.revoke_admin", "管理者権限の取消", "revoke admin"),
        ("enum.ChecklistItemKind.delete_account", "MCSアカウントの削除 (本人)", "delete own MCS account"),
        ("enum.ChecklistItemKind.release_staff", "スタッフ解除", "release from facility staff"),
        ("enum.ChecklistItemKind.return_device", "端末の返却", "return device"),
        ("enum.ChecklistItemKind.revoke_certificate", "クライアント証明書の失効", "revoke client certificate"),
        ("enum.ChecklistItemKind.acknowledge_confidentiality", "退職後の守秘義務の確認", "acknowledge confidentiality"),
        ("enum.ChecklistItemKind.unlink_chat", "チャット連携の解除", "unlink chat"),
        ("enum.Channel.tui", "端末", "tui"),
        ("enum.Channel.cli", "CLI", "cli"),
        ("enum.Channel.slack", "Slack", "Slack"),
        ("enum.Channel.teams", "Teams", "Teams"),
        ("enum.Channel.system", "自動", "system"),
    ];
}
