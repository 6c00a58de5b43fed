namespace McsOps.Tui.App;

internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] Offboarding =
    [
        ("offb.title", "退職・異動時チェックリスト", "Offboarding"),
        ("offb.h.staff", "スタッフ", "staff"),
        ("offb.h.name", "氏名", "name"),
        ("offb.h.lastday", "最終出勤日", "last day"),
        ("offb.h.open", "未完了", "open"),
        ("offb.h.signedoff", "完了承認", "sign-off"),
        ("offb.open", "{0}/{1}", "{0}/{1}"),
        ("offb.notsigned", "未承認", "not signed off"),
        ("offb.signed", "承認済み {0} {1}", "signed off {0} by {1}"),
        ("offb.signedword", "承認済み", "signed off"),
        ("checklist.key.tick", "カーソルの項目を完了にする (証跡を入力)", "tick the item under the cursor (with evidence)"),
        ("checklist.key.signoff", "チェックリストを完了承認する", "sign the checklist off"),
        ("checklist.line.staff", "{0} {1}  {2}  最終出勤日 {3}", "{0} {1}  {2}  last day {3}"),
        ("checklist.line.progress", "未完了 {0}/{1} 項目  完了承認: {2}", "{0} of {1} items open  sign-off: {2}"),
        ("checklist.h.kind", "項目", "item"),
        ("checklist.h.subject", "対象", "subject"),
        ("checklist.h.owner", "担当", "owner"),
        ("checklist.h.due", "期限", "due"),
        ("checklist.h.doneat", "完了日時", "done at"),
        ("checklist.h.doneby", "完了者", "done by"),
        ("checklist.h.evidence", "証跡", "evidence"),
        ("checklist.tick.title", "項目を完了 — {0} {1}", "Tick — {0} {1}"),
        ("checklist.tick.hint", "行ったこと (例: 端末を受け取り済み)", "what was done (e.g. device received)"),
        ("checklist.tick.confirm", "「{0}」を完了にします。よろしいですか？", "Tick \"{0}\"?"),
        ("checklist.f.evidence", "証跡", "evidence"),
        ("checklist.detail.done", "{0}  完了 {1} {2}  証跡: {3}", "{0}  done {1} by {2}  evidence: {3}"),
        ("checklist.detail.open", "{0}  未完了", "{0}  open"),
        ("checklist.short.tick", "完了", "tick"),
        ("checklist.short.signoff", "完了承認", "sign off"),
        ("checklist.signoff.confirm", "{0} {1} の退職・異動時チェックリストを完了承認します。退職済みになり、権限が外れます。よろしいですか？", "Sign off the checklist of {0} {1}? They become departed and lose their roles."),
    ];
}
