namespace McsOps.Tui.App;

internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] Dashboard =
    [
        ("dash.title", "ダッシュボード", "Dashboard"),
        ("dash.backup.none", "バックアップ: まだありません", "Backup: none yet"),
        ("dash.backup.ok", "最終バックアップ: {0}", "Last backup: {0}"),
        ("dash.backup.failed", "最終バックアップ: {0} 失敗 — 直近の成功したバックアップを確認してください", "Last backup: {0} FAILED — check the last good backup"),
        ("dash.summary", "対応が必要な項目", "Due list"),
        ("dash.findings", "項目一覧", "Findings"),
        ("dash.category", "分類", "category"),
        ("dash.nextreviews", "次回の定期精査 {0:yyyy/MM/dd HH:mm}", "next scheduled reviews {0:yyyy/MM/dd HH:mm}"),
        ("help.key.opensubject", "項目の対象 (グループ・スタッフ・端末) を開く", "open the finding's subject (group, staff, device)"),
        ("dash.asof", "{0:yyyy/MM/dd HH:mm} 現在", "as of {0:yyyy/MM/dd HH:mm}"),
    ];
}
