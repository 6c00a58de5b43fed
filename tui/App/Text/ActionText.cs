namespace McsOps.Tui.App;

internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] Actions =
    [
        ("actions.title", "MCSでの作業", "MCS actions"),
        ("actions.showing.open", "未完了の作業 (h で完了済みも表示)", "open actions (h shows done ones too)"),
        ("actions.showing.all", "すべての作業 (h で未完了のみ表示)", "every action (h shows the open ones only)"),
        ("actions.key.done", "カーソルの作業を完了にする (証跡を入力)", "mark the action under the cursor done (with evidence)"),
        ("actions.key.bulk", "選択した作業をまとめて完了にする (証跡は共通)", "mark every selected action done (one evidence note)"),
        ("actions.key.history", "完了済みの作業も表示する / 隠す", "show / hide done actions"),
        ("actions.done", "完了済み", "done"),
        ("action.h.kind", "作業", "action"),
        ("action.h.subject", "対象", "subject"),
        ("action.h.member", "メンバー", "member"),
        ("action.h.name", "氏名", "name"),
        ("action.h.owner", "担当", "owner"),
        ("action.h.due", "期限", "due"),
        ("action.h.doneat", "完了日時", "done at"),
        ("action.h.doneby", "完了者", "done by"),
        ("action.h.note", "メモ・証跡", "note / evidence"),
        ("action.detail.open", "{0}  作成 {1}  メモ: {2}", "{0}  created {1}  note: {2}"),
        ("action.detail.done", "{0}  完了 {1} {2}  証跡: {3}", "{0}  done {1} by {2}  evidence: {3}"),
        ("action.done.title", "MCSでの作業を完了 — {0} {1}", "Mark done — {0} {1}"),
        ("action.done.hint", "MCS で行ったこと (例: 2026/11/26 MCS で解除済み)", "what was done in MCS (e.g. removed in MCS on 2026-11-26)"),
        ("action.done.confirm", "「{0}」{1} を完了にします。よろしいですか？", "Mark \"{0}\" {1} done?"),
        ("action.f.evidence", "証跡", "evidence"),
        ("actions.short.done", "完了", "done"),
        ("actions.short.bulk", "選択分を完了", "selected done"),
        ("actions.short.history", "履歴", "history"),
        ("actions.bulk.none", "Space で作業を選択してから M を押してください", "select actions with Space first, then press M"),
        ("actions.bulk.title", "選択した {0} 件の作業を完了", "Mark {0} selected actions done"),
        ("actions.bulk.confirm", "選択した {0} 件の作業を同じ証跡で完了にします (監査ログには 1 件ずつ記録されます)。よろしいですか？", "Mark the {0} selected actions done with this evidence (each is audited on its own)?"),
    ];
}
