namespace McsOps.Tui.App;

internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] Invitations =
    [
        ("inv.title", "招待の承認", "Invitations"),
        ("inv.key.approve", "カーソルの招待を承認する (承認する)", "approve the invitation under the cursor"),
        ("inv.key.reject", "カーソルの招待を承認しない (理由を入力)", "reject the invitation under the cursor (with a reason)"),
        ("inv.h.group", "グループ", "group"),
        ("inv.h.due", "期限", "due"),
        ("inv.h.staff", "スタッフ", "staff"),
        ("inv.h.name", "氏名", "name"),
        ("inv.h.conditions", "条件", "checks"),
        ("inv.h.facility", "施設", "facility"),
        ("inv.h.invitedby", "招待した人", "invited by"),
        ("inv.h.invitedon", "招待日", "invited on"),
        ("inv.failed", "✗ {0}件", "✗ {0}"),
        ("inv.cond.identity_verified", "本人認証済み", "identity verified"),
        ("inv.cond.profile", "プロフィール", "profile"),
        ("inv.cond.photo", "顔写真", "photo"),
        ("inv.cond.staying", "退職予定でない", "not leaving"),
        ("inv.cond.facility_accepted", "拒否施設でない", "facility not refused"),
        ("inv.detail.invitee", "{0} {1} ({2})  {3} ({4})", "{0} {1} ({2})  {3} ({4})"),
        ("inv.approve.title", "招待を承認する — {0} → {1}", "Approve — {0} to {1}"),
        ("inv.approve.hint", "満たしていない条件があるときは必須", "required when a condition fails"),
        ("inv.approve.confirm", "{0} {1} の {2} への招待を承認します。MCS で「承認する」を押す作業ができます。よろしいですか？", "Approve the invitation of {0} {1} to {2}? Pressing 承認する in MCS becomes an MCS action."),
        ("inv.approve.failed", "満たしていない条件: {0}", "conditions not met: {0}"),
        ("inv.reject.title", "招待を承認しない — {0} → {1}", "Reject — {0} to {1}"),
        ("inv.reject.hint", "必須", "required"),
        ("inv.reject.confirm", "{0} {1} の {2} への招待を承認しません。MCS で「承認しない」を押す作業ができます。よろしいですか？", "Reject the invitation of {0} {1} to {2}? Pressing 承認しない in MCS becomes an MCS action."),
        ("inv.f.reason", "理由", "reason"),
        ("inv.short.approve", "承認する", "approve"),
        ("inv.short.reject", "承認しない", "reject"),
    ];
}
