using System.Globalization;
using McsOps.Core;

namespace McsOps.Tui.App;

/// <summary>
/// The terminal UI's own labels, Japanese and English side by side; a key not found here is
/// looked up in <see cref="Text"/> (core's messages, shared with the command line).
/// </summary>
internal static class UiText
{
    private static readonly Dictionary<string, (string Ja, string En)> Entries = new(StringComparer.Ordinal)
    {
        ["app.name"] = ("McsOps", "McsOps"),
        ["dash.title"] = ("ダッシュボード", "Dashboard"),
        ["dash.summary"] = ("対応が必要な項目", "Due list"),
        ["dash.findings"] = ("項目一覧", "Findings"),
        ["dash.category"] = ("分類", "category"),
        ["dash.asof"] = ("{0:yyyy/MM/dd HH:mm} 現在", "as of {0:yyyy/MM/dd HH:mm}"),
        ["key.help"] = ("ヘルプ", "Help"),
        ["key.quit"] = ("終了", "Quit"),
        ["key.refresh"] = ("更新", "Refresh"),
        ["key.move"] = ("移動", "Move"),
        ["help.title"] = ("ヘルプ", "Help"),
        ["help.close"] = ("閉じる", "Close"),
        ["help.key.help"] = ("このヘルプを表示する", "show this help"),
        ["help.key.quit"] = ("McsOps を終了する", "quit McsOps"),
        ["help.key.refresh"] = ("データを読み直す", "read the data again"),
        ["help.key.down"] = ("次の行へ", "next row"),
        ["help.key.up"] = ("前の行へ", "previous row"),
        ["help.key.page"] = ("1 画面分移動する", "move one page"),
        ["tui.error.title"] = ("エラー", "Error"),
        ["tui.error"] = ("処理できませんでした ({0}: {1})。画面はそのまま使えます", "that failed ({0}: {1}); the program keeps running"),
        ["help.key.esc"] = ("1 つ前に戻る (この画面では何もしません)", "back one level (does nothing on this screen)"),
    };

    public static IReadOnlyCollection<string> Keys => Entries.Keys;

    public static string Get(Lang lang, string key, params object?[] args)
    {
        if (!Entries.TryGetValue(key, out var pair))
        {
            return Text.Get(lang, key, args);
        }

        var format = lang == Lang.En ? pair.En : pair.Ja;
        return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
