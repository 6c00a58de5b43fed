namespace McsOps.Tui.App;

internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] AuditLog =
    [
        ("auditlog.title", "監査ログ", "Audit log"),
        ("auditlog.showing.newest", "新しい {0} 件を表示 (全 {1} 件)。A ですべて読み込みます", "the newest {0} of {1} entries; A loads them all"),
        ("auditlog.showing.all", "全 {0} 件を表示 (A で新しい分だけに戻します)", "all {0} entries (A goes back to the newest)"),
        ("auditlog.key.verify", "改ざん検証 (ハッシュの鎖をすべてたどる)", "verify the chain (walks every entry)"),
        ("auditlog.key.all", "すべて読み込む / 新しい分だけにする", "load every entry / only the newest"),
        ("auditlog.h.seq", "連番", "seq"),
        ("auditlog.h.at", "日時", "time"),
        ("auditlog.h.actor", "実行者", "actor"),
        ("auditlog.h.channel", "経路", "via"),
        ("auditlog.h.action", "操作", "action"),
        ("auditlog.h.subject", "対象", "subject"),
        ("auditlog.h.details", "詳細", "details"),
        ("auditlog.short.verify", "改ざん検証", "verify"),
        ("auditlog.short.all", "全件", "all"),
        ("auditlog.detail", "#{0}  {1}  {2}  {3}  {4}", "#{0}  {1}  {2}  {3}  {4}"),
    ];
}
