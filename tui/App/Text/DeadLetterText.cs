namespace McsOps.Tui.App;

internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] DeadLetters =
    [
        ("dead.title", "未送信 (dead)", "Dead letters"),
        ("dead.header", "チャットで届けられず再送を止めたメッセージ (内容は表示しません)", "Messages the chat dispatcher gave up on (content not shown)"),
        ("dead.h.created", "作成日時", "created"),
        ("dead.h.recipient", "宛先", "to"),
        ("dead.h.kind", "種類", "kind"),
        ("dead.h.attempts", "試行", "tries"),
        ("dead.h.error", "最後のエラー", "last error"),
        ("dead.short.retry", "再送", "Retry"),
        ("dead.key.retry", "カーソル行のメッセージを再送する", "send the message under the cursor again"),
        ("dead.retry.confirm", "{0} への「{1}」を再送します (試行回数は 0 に戻ります)。よろしいですか？", "Send the {1} message to {0} again (its tries start from 0)?"),
        ("dash.dead", "未送信 (dead) {0} 件 — D で一覧・再送", "{0} dead letters — D lists them and retries"),
        ("dash.short.dead", "未送信", "Dead"),
        ("dash.key.dead", "未送信 (dead) のメッセージの一覧と再送", "list and retry the dead letters"),
    ];
}
