using System.Globalization;

namespace McsOps.Core;

/// <summary>
/// Every message McsOps prints, Japanese and English side by side, so that neither can be
/// forgotten. Arguments are composite-format placeholders.
/// </summary>
public static partial class Text
{
    public static string Get(Lang lang, string key, params object?[] args)
    {
        if (!Entries.TryGetValue(key, out var pair))
        {
            throw new KeyNotFoundException($"no message '{key}'");
        }

        var format = lang == Lang.En ? pair.En : pair.Ja;
        if (args.Length == 0)
        {
            return format;
        }

        var localized = args.Select(a => a is LocalizedReason r ? Get(lang, r.Key, r.Args) : a).ToArray();
        return string.Format(CultureInfo.InvariantCulture, format, localized);
    }

    public static IReadOnlyCollection<string> Keys => Entries.Keys;

    private static readonly Dictionary<string, (string Ja, string En)> Entries = new(StringComparer.Ordinal)
    {
        // storage
        ["db.locked"] = ("データベースは別のプロセス (PID {0}) が使用中です: {1}", "the database is in use by another process (PID {0}): {1}"),
        ["db.locked.unknown"] = ("データベースは別のプロセスが使用中です: {0}", "the database is in use by another process: {0}"),
        ["db.lock.disabled"] = ("環境変数 DOTNET_SYSTEM_IO_DISABLEFILELOCKING が設定されているため、データベースを安全に排他できません。この変数を外してください", "DOTNET_SYSTEM_IO_DISABLEFILELOCKING is set, so the database cannot be locked safely; unset it"),
        ["db.wrongkey"] = ("データベースを開けません: 鍵ファイル {0} の鍵が合いません", "cannot open the database: the key in {0} does not match"),
        ["db.keymissing"] = ("データベース {0} はありますが、鍵ファイル {1} がありません", "the database {0} exists but its key file {1} is missing"),
        ["db.newerschema"] = ("データベースのスキーマ版 {0} はこのプログラム (版 {1}) より新しいため開けません。McsOps を更新してください", "the database has schema version {0}, newer than this program's {1}; update McsOps"),
        ["backup.copyfailed"] = ("バックアップ {0} の外部へのコピー (Backup:CopyCommand) が終了コード {1} で失敗しました: {2}", "copying the backup {0} off the host (Backup:CopyCommand) failed with exit code {1}: {2}"),
        ["backup.unverified"] = ("バックアップ {0} は検証できませんでした: {1}", "the backup {0} could not be verified: {1}"),
        ["db.corrupt"] = ("データベースを開けません: {0}", "cannot open the database: {0}"),
        ["db.locked.nosocket"] = ("データベースは別のプロセス (PID {0}) が使用中で、サービスのソケット {2} は応答しません: {1}", "the database is in use by another process (PID {0}): {1}, and the service's socket {2} does not answer"),
        ["db.locked.unknown.nosocket"] = ("データベースは別のプロセスが使用中で、サービスのソケット {1} は応答しません: {0}", "the database is in use by another process: {0}, and the service's socket {1} does not answer"),
        // the service's admin API
        ["api.nosocket"] = ("サービスのソケット {0} が応答しません", "the service's socket {0} does not answer"),
        ["api.socketdenied"] = ("サービスのソケット {0} に接続する権限がありません。管理者グループへの追加を依頼してください", "permission denied on the service's socket {0}: ask to be added to its group"),
        ["api.notpermitted"] = ("OS ユーザー {0} は、管理者または監査責任者の権限を持つスタッフに対応付けられていません", "the OS user {0} is not mapped to a staff member with the admin or auditor role"),
        ["api.unknownop"] = ("操作 {0} はありません", "there is no operation {0}"),
        ["api.badrequest"] = ("{0} の要求を読めません: {1}", "cannot read the request for {0}: {1}"),
        ["api.toolarge"] = ("要求が大きすぎます (上限 {0} MiB)", "the request is too large (at most {0} MiB)"),
        ["api.needsfile"] = ("{0} はファイルを送る操作です: ファイルの中身を application/octet-stream の本文で、操作の JSON を X-McsOps-Operation ヘッダーで送ってください", "{0} carries a file: send its bytes as an application/octet-stream body, with the operation's JSON in the X-McsOps-Operation header"),
        ["api.notafile"] = ("{0} はファイルを送る操作ではありません: application/json で送ってください", "{0} carries no file: send it as application/json"),
        ["api.uploadtoolarge"] = ("ファイルがサービスの受け取れる大きさ (AdminApi:MaxUploadMegabytes、{0} MiB) を超えています。設定を上げてサービスを再起動するか、サービスを停止してからもう一度実行してください", "the file is larger than the service accepts (AdminApi:MaxUploadMegabytes, {0} MiB): raise the setting and restart the service, or stop the service and run the command again"),
        ["api.incomplete"] = ("ファイルの受信が {0} / {1} バイトで途切れました", "the file stopped after {0} of its {1} bytes"),
        ["api.channel"] = ("チャネルは tui か cli です ('{0}')", "the channel must be tui or cli ('{0}')"),
        ["api.toomany"] = ("要求が多すぎます (1 秒あたり最大 {0} 件)。少し待ってからもう一度お試しください", "too many requests (at most {0} per second); wait a moment and try again"),
        ["api.notready"] = ("サービスはデータベースをまだ開いていません", "the service has not opened the database"),
        ["api.http"] = ("サービスから想定外の応答がありました: {0} {1}", "the service answered {0} {1}"),
        // configuration
        ["config.invalid"] = ("設定 {0} が不正です: {1}", "configuration {0} is invalid: {1}"),
        ["config.timezone"] = ("タイムゾーン '{0}' はありません", "unknown time zone '{0}'"),
        ["config.language"] = ("言語は ja か en です ('{0}')", "language must be ja or en ('{0}')"),
        ["config.generations"] = ("1〜366 世代で指定してください ('{0}')", "must be 1 to 366 generations ('{0}')"),
        ["config.patientdisplay"] = ("code か initials です ('{0}')", "must be code or initials ('{0}')"),
        ["config.quiethours"] = ("HH:mm-HH:mm の形で指定してください (例 20:00-08:00) ('{0}')", "must be HH:mm-HH:mm, e.g. 20:00-08:00 ('{0}')"),
        ["config.idle"] = ("1〜30 分で指定してください ('{0}')", "must be 1 to 30 minutes ('{0}')"),
        ["config.cron"] = ("cron 式として読めません ('{0}')", "not a cron expression ('{0}')"),
        ["config.dir"] = ("ディレクトリを作成または書き込みできません: {0}", "cannot create or write the directory: {0}"),
        ["config.keyfile.perms"] = ("鍵ファイル {0} が他のユーザーから読めます (権限 {1})。chmod 600 にしてください", "the key file {0} is readable by others (mode {1}); chmod 600 it"),
        ["config.keyfile.size"] = ("鍵ファイル {0} は 32 バイトでなければなりません ({1} バイト)", "the key file {0} must hold 32 bytes ({1} bytes)"),
        ["config.keyfile.read"] = ("鍵ファイル {0} を読めません: {1}", "cannot read the key file {0}: {1}"),
        ["config.json"] = ("設定ファイル {0} を読めません: {1}", "cannot read the configuration file {0}: {1}"),
        ["config.range"] = ("{1}〜{2} で指定してください ('{0}')", "must be between {1} and {2} ('{0}')"),
        ["config.group"] = ("グループ '{0}' はありません", "there is no group '{0}'"),
        ["config.group.denied"] = ("ソケットをグループ '{0}' に渡せません (サービスのユーザーはこのグループに属していますか)", "cannot give the socket to the group '{0}' (is the service's user a member?)"),
        ["config.logformat"] = ("simple、json、systemd のいずれかです ('{0}')", "must be simple, json or systemd ('{0}')"),
        ["config.socketdir.open"] = ("ソケットのディレクトリ {0} が他のユーザーに開かれています (権限 {1})。0750 か 0770 のディレクトリにしてください", "the socket's directory {0} is open to others (mode {1}); use a directory with mode 0750 or 0770"),
        ["config.socketpath.long"] = ("Unix ソケットのパスが長すぎます ({0} バイト、最大 {1})", "too long for a Unix socket ({0} bytes, at most {1})"),
        // csv import
        ["csv.malformed"] = ("CSV として読めません (閉じていない引用符など)", "not readable as CSV (an unclosed quote?)"),
        ["csv.encoding"] = ("UTF-8 の BOM で始まりますが UTF-8 として読めません (壊れたファイル?)", "starts with a UTF-8 BOM but is not UTF-8 (a damaged file?)"),
        ["csv.noheader"] = ("見出し行がありません", "the header row is missing"),
        ["csv.unknowncolumn"] = ("不明な列です (使える列: {0})", "unknown column (known columns: {0})"),
        ["csv.dupcolumn"] = ("列が重複しています", "the column appears twice"),
        ["csv.missingcolumn"] = ("必須の列がありません", "a required column is missing"),
        ["csv.extrafields"] = ("項目が {0} 個あり、見出しの {1} 列より多くなっています", "{0} fields, more than the {1} columns of the header"),
        ["csv.required"] = ("必須項目が空です", "required field is empty"),
        ["csv.badchar"] = ("使えない文字 (制御文字や BOM) が含まれています", "contains a character that is not allowed (a control character or a BOM)"),
        ["csv.toolong"] = ("{0} 文字を超えています", "longer than {0} characters"),
        ["csv.badcode"] = ("コード '{0}' は使えません (英数字・-・_ の 1〜32 文字)", "'{0}' is not a valid code (1-32 letters, digits, - or _)"),
        ["csv.badenum"] = ("'{0}' は使えません (使える値: {1})", "'{0}' is not allowed (allowed: {1})"),
        ["csv.baddate"] = ("日付 '{0}' を読めません (yyyy-MM-dd または yyyy/M/d)", "cannot read the date '{0}' (yyyy-MM-dd or yyyy/M/d)"),
        ["csv.badbool"] = ("'{0}' は真偽値ではありません (true/false/yes/no/1/0/はい/いいえ)", "'{0}' is not a boolean (true/false/yes/no/1/0/はい/いいえ)"),
        ["csv.bademail"] = ("メールアドレス '{0}' の形式が不正です", "'{0}' is not an e-mail address"),
        ["csv.duplicate"] = ("{0} がファイル内で重複しています ({1} 行目と同じ)", "{0} appears twice in the file (also on line {1})"),
        ["csv.unknownref"] = ("{0} は登録されていません", "{0} is not known"),
        ["csv.nohome"] = ("自施設 (is_home=true) がありません。自施設はちょうど 1 つ必要です", "no home facility (is_home=true); exactly one is needed"),
        ["csv.secondhome"] = ("自施設はちょうど 1 つです ({0} が自施設です)", "there is exactly one home facility ({0} is it)"),
        ["csv.osuserdup"] = ("OS ユーザー {0} は既に {1} に割り当てられています", "the OS user {0} already belongs to {1}"),
        ["csv.leavingnoday"] = ("status が leaving のときは最終出勤日が必要です", "status leaving needs a last day"),
        ["csv.dischargenodate"] = ("status が discharged のときは終了日が必要です", "status discharged needs the discharge date"),
        ["csv.dischargenoreason"] = ("status が discharged のときは終了理由が必要です", "status discharged needs a discharge reason"),
        ["csv.consentnoform"] = ("同意書の項目があるのに consent_form が空です", "consent fields are set but consent_form is empty"),
        ["csv.patientgroupnopatient"] = ("患者グループには患者がちょうど 1 人必要です", "a patient group needs exactly one patient"),
        ["csv.freegroupwithpatient"] = ("自由グループに患者は指定できません", "a free group has no patient"),
        ["csv.secondgroup"] = ("患者 {0} には保管されていない患者グループ {1} が既にあります", "patient {0} already has a patient group that is not archived ({1})"),
        ["csv.invitednodate"] = ("state が invited のときは招待日が必要です", "state invited needs the invitation date"),
        ["csv.lostnodate"] = ("status が lost のときは紛失日が必要です", "status lost needs the date it was lost"),
        // command line
        ["cli.usage"] = (
            "使い方: mcsops [--data-dir DIR] [--lang ja|en] [--demo] <コマンド>\n" +
            "  import <facilities|staff|patients|groups|memberships|devices> <file.csv> [--dry-run]\n" +
            "                              CSV を取り込みます (全件成功か、何も書き込まないか)\n" +
            "  export <種類|audit> [--format csv|json] [--out F]\n" +
            "                              データを書き出します (書き出しは監査ログに記録されます)\n" +
            "  due [--at 日付] [--json] [--category 分類]\n" +
            "                              対応が必要な項目 (--at で別の日時に評価)\n" +
            "  sweep [--at 日付]           定期処理 (精査の開始、督促、エスカレーション)\n" +
            "  audit verify                監査ログの改ざん検証\n" +
            "  backup [list | verify [F]]  バックアップを作成 / 一覧 / 検証します\n" +
            "  restore <F>                 バックアップから復元します (サービス停止中のみ)\n" +
            "  key rotate                  データベースを新しい鍵で暗号化し直します (サービス停止中のみ)\n" +
            "  link-code <スタッフコード>   チャット連携コードを発行します (24 時間有効、1 回限り)\n" +
            "  demo [--reset]              デモ施設 (山田クリニック) のデータベースを作成します\n" +
            "  --demo                      デモ施設のデータベースで実行します\n" +
            "  --socket PATH | --embedded  サービスのソケットを使うか、このプロセスでデータベースを開くか\n" +
            "                              (既定: サービスのソケットが応答すれば使います)",
            "usage: mcsops [--data-dir DIR] [--lang ja|en] [--demo] <command>\n" +
            "  import <facilities|staff|patients|groups|memberships|devices> <file.csv> [--dry-run]\n" +
            "                              import a CSV file (all rows or nothing)\n" +
            "  export <kind|audit> [--format csv|json] [--out F]\n" +
            "                              export data (the export is recorded in the audit log)\n" +
            "  due [--at DATE] [--json] [--category C]\n" +
            "                              what is due (--at evaluates at another instant)\n" +
            "  sweep [--at DATE]           one scheduler sweep (open reviews, remind, escalate)\n" +
            "  audit verify                verify the audit chain\n" +
            "  backup [list | verify [F]]  take, list or verify backups\n" +
            "  restore <F>                 restore a backup (only while the service is stopped)\n" +
            "  key rotate                  re-encrypt the database with a new key (only while the service is stopped)\n" +
            "  link-code <staff code>      issue a chat link code (valid 24 hours, single use)\n" +
            "  demo [--reset]              build the demo facility (山田クリニック) database\n" +
            "  --demo                      run on the demo facility's database\n" +
            "  --socket PATH | --embedded  use the service's socket, or open the database in this process\n" +
            "                              (default: the service's socket when it answers)"),
        ["cli.modes"] = ("--embedded と --socket は同時に指定できません", "--embedded and --socket exclude each other"),
        ["cli.unknownoption"] = ("不明なオプションです: {0}", "unknown option: {0}"),
        ["cli.novalue"] = ("オプション {0} には値が必要です", "the option {0} needs a value"),
        ["cli.unknownverb"] = ("不明なコマンドです: {0} (mcsops --help を参照)", "unknown command: {0} (see mcsops --help)"),
        ["cli.internal"] = ("内部エラー ({0}): {1}", "internal error ({0}): {1}"),
        ["cli.import.usage"] = ("使い方: mcsops import <種類> <file.csv> [--dry-run]", "usage: mcsops import <kind> <file.csv> [--dry-run]"),
        ["cli.export.usage"] = ("使い方: mcsops export <種類> [--format csv|json] [--out F]", "usage: mcsops export <kind> [--format csv|json] [--out F]"),
        ["cli.audit.usage"] = ("使い方: mcsops audit verify", "usage: mcsops audit verify"),
        ["cli.backup.usage"] = ("使い方: mcsops backup | backup list | backup verify [FILE] | restore FILE", "usage: mcsops backup | backup list | backup verify [FILE] | restore FILE"),
        ["backup.done"] = ("バックアップを作成し検証しました: {0} (SHA-256 {1}、書き込み停止 {2} ms)", "backup taken and verified: {0} (SHA-256 {1}; writes paused {2} ms)"),
        ["backup.failed"] = ("バックアップ {0} に失敗しました: {1}", "the backup {0} failed: {1}"),
        ["backup.none"] = ("バックアップがありません: {0}", "no backups in {0}"),
        ["backup.bad"] = ("バックアップ {0} は信頼できません: {1}", "the backup {0} cannot be trusted: {1}"),
        ["backup.good"] = ("バックアップ {0} は正常です (監査ログ {1} 件を検証)", "the backup {0} is sound ({1} audit entries verified)"),
        ["backup.restored"] = ("{0} から復元しました。置き換えたファイルは {1} に残しています", "restored from {0}; the replaced file is kept as {1}"),
        ["backup.notconfigured"] = ("このプロセスではバックアップを扱えません", "this process does not handle backups"),
        ["backup.empty"] = ("バックアップ {0} の中身が空です", "the backup {0} is empty"),
        ["backup.listline"] = ("{0}  {1,12:N0} バイト  {2}", "{0}  {1,12:N0} bytes  {2}"),
        ["restore.servicerunning"] = ("サービス (mcsops-bot) が動作中のため復元できません。サービスを停止してから実行してください (ソケット {0} が応答しています)", "cannot restore while the service (mcsops-bot) is running: stop it first (its socket {0} answers)"),
        ["db.nokeyopens"] = ("現在の鍵も、{0} の横に保管された古い鍵も、このファイルを開けません", "neither the current key nor any old key kept beside {0} opens this file"),
        ["cli.key.usage"] = ("使い方: mcsops key rotate", "usage: mcsops key rotate"),
        ["key.servicerunning"] = ("サービス (mcsops-bot) が動作中のため鍵を交換できません。サービスを停止してから実行してください (ソケット {0} が応答しています)", "cannot rotate the key while the service (mcsops-bot) is running: stop it first (its socket {0} answers)"),
        ["key.nodatabase"] = ("データベース {0} がありません: 交換する鍵がありません", "there is no database at {0}: no key to rotate"),
        ["key.logleft"] = ("データベース {0} のログを書き戻せなかったため、鍵の交換を中止しました (何も変更していません)", "the log of {0} could not be written back: the key rotation was stopped (nothing changed)"),
        ["key.rotated"] = ("データベースを新しい鍵で暗号化し直しました: {0}。古い鍵は {1} に保管しました (以前のバックアップの検証・復元に使います)。鍵の控えを更新してください", "the database is re-encrypted with a new key: {0}. The old key is kept as {1} (backups taken before need it). Update the escrowed copy of the key"),
        ["cli.linkcode.usage"] = ("使い方: mcsops link-code <スタッフコード>", "usage: mcsops link-code <staff code>"),
        ["cli.badstaffcode"] = ("スタッフコード '{0}' は正しくありません (例: S-0012)", "'{0}' is not a staff code (e.g. S-0012)"),
        ["cli.demo.usage"] = ("使い方: mcsops demo [--reset]", "usage: mcsops demo [--reset]"),
        ["cli.badkind"] = ("種類 '{0}' はありません (使える種類: {1})", "no kind '{0}' (kinds: {1})"),
        ["cli.badformat"] = ("形式 '{0}' はありません (csv または json)", "no format '{0}' (csv or json)"),
        ["cli.nofile"] = ("ファイルがありません: {0}", "no such file: {0}"),
        ["import.done"] = ("{0}: 新規 {1} 件、更新 {2} 件、変更なし {3} 件", "{0}: {1} created, {2} updated, {3} unchanged"),
        ["import.dryrun"] = ("{0} (試行のみ、書き込みなし): 新規 {1} 件、更新 {2} 件、変更なし {3} 件", "{0} (dry run, nothing written): {1} created, {2} updated, {3} unchanged"),
        ["import.rejected"] = ("{0} 件の誤りがあるため、何も取り込んでいません", "{0} errors: nothing was imported"),
        // summary
        ["summary.title"] = ("データベース: {0}", "database: {0}"),
        ["summary.facilities"] = ("施設: {0} (自施設: {1})", "facilities: {0} (home: {1})"),
        ["summary.staff"] = ("スタッフ: 自施設 {0} 人、他施設 {1} 人 (退職予定 {2} 人)", "staff: {0} own, {1} external ({2} leaving)"),
        ["summary.patients"] = ("患者: {0} 人 (終了 {1} 人)", "patients: {0} ({1} discharged)"),
        ["summary.groups"] = ("患者グループ: {0}、自由グループ: {1} (保管待ち {2})", "patient groups: {0}, free groups: {1} ({2} waiting to be archived)"),
        ["summary.memberships"] = ("メンバー: {0} (承認待ち {1})", "members: {0} ({1} invitations pending)"),
        ["summary.devices"] = ("端末: {0} 台 (紛失 {1} 台)", "devices: {0} ({1} lost)"),
        ["summary.actions"] = ("MCSでの作業 (未完了): {0} 件", "open MCS actions: {0}"),
        ["summary.audit"] = ("監査ログ: {0} 件", "audit log: {0} entries"),
        // due list
        ["cli.due.usage"] = ("使い方: mcsops due [--at 日付|日時] [--json] [--category 分類]", "usage: mcsops due [--at DATE|DATETIME] [--json] [--category C]"),
        ["cli.badcategory"] = ("分類 '{0}' はありません (使える分類: {1})", "no category '{0}' (categories: {1})"),
        ["cli.badat"] = ("--at の日時 '{0}' を読めません (yyyy-MM-dd または yyyy-MM-ddTHH:mm)", "cannot read the --at instant '{0}' (yyyy-MM-dd or yyyy-MM-ddTHH:mm)"),
        ["cli.sweep.usage"] = ("使い方: mcsops sweep [--at 日付|日時]", "usage: mcsops sweep [--at DATE|DATETIME]"),
        ["sweep.done"] = ("精査を開始 {0} 件、エスカレーション {1} 件、通知 {2} 件", "{0} reviews opened, {1} escalated, {2} messages enqueued"),
        ["due.none"] = ("対応が必要な項目はありません", "nothing is due"),
        ["due.admins"] = ("管理者", "admins"),
        ["due.total"] = ("合計 {0} 件 (期限切れ {1}、本日期限 {2}、近日期限 {3})", "{0} in all ({1} overdue, {2} due today, {3} upcoming)"),
        ["due.h.severity"] = ("状態", "severity"),
        ["due.h.category"] = ("分類", "category"),
        ["due.h.kind"] = ("種類", "kind"),
        ["due.h.subject"] = ("対象", "subject"),
        ["due.h.due"] = ("期限", "due"),
        ["due.h.owner"] = ("担当", "owner"),
        ["due.h.detail"] = ("詳細", "detail"),
        ["severity.overdue"] = ("期限切れ", "overdue"),
        ["severity.due"] = ("本日期限", "due today"),
        ["severity.upcoming"] = ("近日期限", "upcoming"),
        ["category.review"] = ("メンバー精査", "member review"),
        ["category.mcs_action"] = ("MCSでの作業", "MCS action"),
        ["category.invitation"] = ("招待の承認", "invitation"),
        ["category.password"] = ("パスワード定期変更", "password"),
        ["category.offboarding"] = ("退職・異動時チェックリスト", "offboarding"),
        ["category.consent"] = ("同意書", "consent"),
        ["category.training"] = ("情報セキュリティ研修", "training"),
        ["category.pledge"] = ("誓約書", "pledge"),
        ["category.device"] = ("端末管理台帳", "device"),
        ["category.backup"] = ("バックアップ", "backup"),
        // chat and reminder messages (codes only, never a patient's name)
        ["msg.review"] = ("メンバー精査のお願い: {0} に未回答のメンバーが {1} 人います (期限 {2})", "Member review: {0} has {1} members without a decision (due {2})"),
        ["msg.escalation"] = ("メンバー精査 {0} 件が 7 日目を過ぎても終わっていないため、管理者へエスカレーションしました: {1}", "{0} member reviews are escalated to the admins after 7 days without answers: {1}"),
        ["msg.button.review"] = ("精査する", "Review"),
        ["msg.password.soon"] = ("パスワード定期変更: {0} までに MCS のパスワードを変更してください (あと {1} 日)", "Password rotation: change your MCS password by {0} ({1} days left)"),
        ["msg.password.overdue"] = ("パスワード定期変更の期限 ({0}) を過ぎています。MCS のパスワードを変更し、「password changed」と返信してください", "Your MCS password was due for a change on {0}. Change it and answer \"password changed\""),
        ["msg.password.lost"] = ("端末 {0} の紛失が記録されました。すぐに MCS のパスワードを変更してください", "Device {0} was recorded lost: change your MCS password now"),
        ["msg.checklist"] = ("退職・異動時チェックリスト ({0}): 未完了の項目が {1} 件あります (最終日 {2})", "Offboarding checklist of {0}: {1} open items (last day {2})"),
        ["msg.training"] = ("情報セキュリティ研修の受講期限です。受講後に管理者へ連絡してください", "Your yearly security training is due; tell an admin when you have taken it"),
        ["msg.pledge"] = ("誓約書が未提出です。管理者へ提出してください", "No pledge (誓約書) is on file for you; please hand one to an admin"),
        ["msg.digest"] = ("MCSでの作業: 未完了 {0} 件 (うち期限切れ {1} 件)", "MCS actions: {0} open ({1} overdue)"),
        ["msg.digest.unlinked"] = ("チャット未連携のため届けられないスタッフ", "Staff McsOps cannot reach (no chat linked)"),
        // operations
        ["op.readonly"] = ("{0} は閲覧専用 (監査責任者) のため変更できません", "{0} may only read (auditor): nothing was changed"),
        ["op.unknown"] = ("{0} は登録されていません", "{0} is not known"),
        ["op.reason"] = ("理由を入力してください", "a reason is required"),
        ["op.evidence"] = ("MCS で行ったことの記録 (証跡) を入力してください", "say what was done in MCS (the evidence)"),
        ["op.future"] = ("{0} は未来の日付です", "{0} is in the future"),
        ["op.action.done"] = ("MCSでの作業 {0} は完了済みです", "the MCS action {0} is already done"),
        ["op.review.none"] = ("{0} に実施中のメンバー精査はありません", "{0} has no open member review"),
        ["op.review.alreadyopen"] = ("{0} には実施中のメンバー精査があります (期限 {1:yyyy/MM/dd})", "{0} already has an open member review (due {1:yyyy-MM-dd})"),
        ["op.review.empty"] = ("{0} には参加中のメンバーがいないため精査できません", "{0} has no active member to review"),
        ["op.review.notactive"] = ("{0} は {1} のため精査できません", "{0} is {1}: it is not reviewed"),
        ["op.review.notmember"] = ("{0} は {1} の精査対象ではありません", "{0} is not under review in {1}"),
        ["op.review.pending"] = ("継続・解除・要確認のいずれかを選んでください", "choose keep, remove or unsure"),
        ["op.review.justify"] = ("他施設のメンバー {0} を解除するには理由が必要です", "removing the external member {0} needs a justification"),
        ["op.review.notreviewer"] = ("{0} を精査できるのは精査担当者か管理者だけです", "only the reviewer of {0} or an admin may decide"),
        ["op.notmember"] = ("{0} は {1} のメンバーではありません", "{0} is not a member of {1}"),
        ["op.membership.exists"] = ("{0} は既に {1} に参加しています ({2})", "{0} is already in {1} ({2})"),
        ["op.membership.state"] = ("MCS で追加されたか (active) 解除されたか (removed) を指定してください", "say whether the member was added (active) or removed (removed) in MCS"),
        ["op.invitation.none"] = ("{0} の {1} への招待 (承認待ち) はありません", "there is no pending invitation of {0} to {1}"),
        ["op.patient.notactive"] = ("患者 {0} は {1} です", "patient {0} is {1}"),
        ["op.patient.useoperation"] = ("患者の状態は終了・転出・転入の操作で変更してください", "change a patient's status with the discharge or transfer operations"),
        ["op.staff.departed"] = ("スタッフ {0} は退職済みか退職予定です", "staff {0} has departed or is leaving"),
        ["op.role.useSetRole"] = ("権限の付与・取消は理由を添えて別の操作で行ってください", "grant or revoke a role with its own operation, with a reason"),
        ["op.role.which"] = ("付与できる権限は admin か auditor です", "the role is admin or auditor"),
        ["op.checklist.none"] = ("{0} に未完了の退職・異動時チェックリストはありません", "{0} has no open offboarding checklist"),
        ["op.checklist.done"] = ("項目 {0} は完了済みです", "item {0} is already done"),
        ["op.checklist.notyours"] = ("項目 {0} は本人か管理者だけが完了にできます", "only its owner or an admin may tick {0}"),
        ["op.checklist.open"] = ("未完了の項目が {0} 件あるため完了承認できません: {1}", "{0} items are still open: {1}"),
        ["op.link.platform"] = ("連携できるのは Slack か Teams のアカウントです", "only a Slack or Teams account can be linked"),
        ["op.outbox.notdead"] = ("メッセージ {0} は {1} のため再送できません (再送できるのは dead のみ)", "the message {0} is {1}: only a dead message can be retried"),
        ["op.link.badcode"] = ("連携コードが正しくないか、有効期限 (24 時間) が切れています", "the link code is wrong or expired (codes are valid for 24 hours)"),
        ["msg.removed"] = ("{0} を {1} から解除しました (MCS で実施済み)", "{0} was removed from {1} in MCS"),
        // chat commands (Slack and Teams): codes, staff names, professions and facilities — never a patient's name nor a group's name in MCS
        ["chat.help"] = (
            "McsOps のコマンド:\n" +
            "• review — 担当しているメンバー精査の一覧\n" +
            "• review group P-0042 — グループのメンバーと 継続・解除・要確認 のボタン (グループコード G-… でも可)\n" +
            "• password changed [13mixed|8rotating|2fa] — 本日のパスワード変更を記録\n" +
            "• checklist — 自分の退職・異動時チェックリスト\n" +
            "• status — 対応が必要な項目の要約 (管理者)\n" +
            "• link 連携コード — このチャットのアカウントを連携\n" +
            "• help — この一覧\n" +
            "Slack では /review … または /mcsops … と入力します",
            "McsOps commands:\n" +
            "• review — the member reviews you are the reviewer of\n" +
            "• review group P-0042 — the group's members with keep / remove / unsure buttons (a group code G-… works too)\n" +
            "• password changed [13mixed|8rotating|2fa] — record today's password change\n" +
            "• checklist — your own offboarding checklist\n" +
            "• status — the summary of what is due (admins)\n" +
            "• link CODE — link this chat account\n" +
            "• help — this list\n" +
            "In Slack, type /review … or /mcsops …"),
        ["chat.unknown"] = ("McsOps にはそのコマンドがありません。", "McsOps does not know that command."),
        ["chat.link.howto"] = ("このチャットのアカウントは McsOps とまだ連携されていません。管理者から連携コード (24 時間有効) を受け取り、「link 連携コード」と送ってください (Slack では /mcsops link 連携コード)。", "This chat account is not linked to McsOps yet. Ask an admin for a link code (valid for 24 hours) and send \"link CODE\" (in Slack: /mcsops link CODE)."),
        ["chat.link.done"] = ("連携しました: {0} {1}", "Linked to {0} {1}"),
        ["chat.link.left"] = ("この 1 時間にあと {0} 回試せます", "{0} tries left this hour"),
        ["chat.link.refused"] = ("連携コードの誤りが続いたため、1 時間はお受けできません。管理者に新しいコードを依頼してください", "Too many wrong link codes: try again in an hour, with a new code from an admin"),
        ["chat.inactive"] = ("このアカウントでは McsOps を利用できません。管理者に連絡してください", "This account may not use McsOps; please contact an admin"),
        ["chat.adminonly"] = ("このコマンドは管理者だけが使えます", "Only admins may use this command"),
        ["chat.slowdown"] = ("短い間に多くの操作がありました。1 分ほど待ってからもう一度お試しください", "Too many requests in a short time: please wait a minute and try again"),
        ["chat.error"] = ("処理できませんでした。しばらくしてからもう一度お試しください", "Something went wrong; please try again in a moment"),
        ["chat.action.unknown"] = ("このボタンは使えません。もう一度コマンドを送ってください", "This button does not work any more; send the command again"),
        ["chat.sent"] = ("McsOps とのダイレクトメッセージに送りました", "Sent to your direct messages with McsOps"),
        ["chat.more"] = ("ほか {0} 件", "{0} more"),
        ["chat.reviews.none"] = ("担当している実施中のメンバー精査はありません", "You have no open member reviews"),
        ["chat.reviews.title"] = ("担当している実施中のメンバー精査: {0} 件", "Your open member reviews: {0}"),
        ["chat.reviews.row"] = ("未回答 {0}/{1}・期限 {2}", "{0} of {1} undecided, due {2}"),
        ["chat.sheet.notacode"] = ("グループコード (G-0042) か患者コード (P-0042) を指定してください", "give a group code (G-0042) or a patient code (P-0042)"),
        ["chat.sheet.unknown"] = ("{0} というグループも患者グループもありません", "No group or patient group has the code {0}"),
        ["chat.sheet.notyours"] = ("{0} のメンバーを見られるのは精査担当者と管理者だけです", "Only the reviewer of {0} and the admins may see its members"),
        ["chat.sheet.title"] = ("メンバー精査 {0}", "Member review {0}"),
        ["chat.sheet.patient"] = ("(患者 {0})", "(patient {0})"),
        ["chat.sheet.open"] = ("未回答 {0}/{1}・期限 {2}。メンバーごとに 継続・解除・要確認 を選んでください", "{0} of {1} undecided, due {2}. Choose keep, remove or unsure for each member"),
        ["chat.sheet.escalated"] = ("管理者へエスカレーション済みです", "It has been escalated to the admins"),
        ["chat.sheet.completed"] = ("完了しました: 継続 {0}・解除 {1}・要確認 {2}。解除は管理者が MCS で行います", "Completed: keep {0}, remove {1}, unsure {2}. The admins remove members in MCS"),
        ["chat.sheet.cancelled"] = ("このメンバー精査は取り消されました", "This member review was cancelled"),
        ["chat.sheet.notreviewed"] = ("このグループは{0}のため精査しません", "This group is {0}: it is not reviewed"),
        ["chat.sheet.empty"] = ("参加中のメンバーがいないため精査しません", "It has no active member: there is nothing to review"),
        ["chat.sheet.justification"] = ("理由 (他施設のメンバーの解除には必須)", "Justification (required to remove an external member)"),
        ["chat.member"] = ("{0}・{1}", "{0}, {1}"),
        ["chat.group.active"] = ("運用中", "active"),
        ["chat.group.archive_pending"] = ("保管待ち", "waiting to be archived"),
        ["chat.group.archived"] = ("保管済み", "archived"),
        ["chat.decision.keep"] = ("継続", "Keep"),
        ["chat.decision.remove"] = ("解除", "Remove"),
        ["chat.decision.unsure"] = ("要確認", "Unsure"),
        ["chat.signal.leaving"] = ("退職予定", "leaving"),
        ["chat.signal.departed"] = ("退職済み", "departed"),
        ["chat.signal.facility_refused"] = ("一部不同意の施設", "facility refused by the patient's consent"),
        ["chat.signal.not_verified"] = ("本人認証なし", "identity not verified"),
        ["chat.signal.added_since_last_review"] = ("前回精査後に追加", "added since the last review"),
        ["chat.profession.doctor"] = ("医師", "doctor"),
        ["chat.profession.dentist"] = ("歯科医師", "dentist"),
        ["chat.profession.nurse"] = ("看護師", "nurse"),
        ["chat.profession.pharmacist"] = ("薬剤師", "pharmacist"),
        ["chat.profession.care_manager"] = ("ケアマネジャー", "care manager"),
        ["chat.profession.therapist"] = ("療法士", "therapist"),
        ["chat.profession.care_worker"] = ("介護職", "care worker"),
        ["chat.profession.clerk"] = ("事務", "clerk"),
        ["chat.profession.other"] = ("その他", "other"),
        ["chat.password.done"] = ("パスワードの変更を記録しました ({0}、{1})", "Password change recorded ({0}, {1})"),
        ["chat.password.which"] = ("パスワードの種類を添えてください: password changed 13mixed (13文字以上・英数記号) / 8rotating (8文字以上・2か月以内に変更) / 2fa (二要素認証)", "Say which kind of password: password changed 13mixed (13+ mixed characters) / 8rotating (8+, changed every 2 months) / 2fa (two-factor login)"),
        ["chat.password.13mixed"] = ("13文字以上(英数記号)", "13+ mixed"),
        ["chat.password.8rotating"] = ("8文字以上(2か月以内に変更)", "8+ rotated every 2 months"),
        ["chat.password.2fa"] = ("二要素認証", "two-factor"),
        ["chat.checklist.none"] = ("未完了の退職・異動時チェックリスト項目はありません", "You have no open offboarding checklist items"),
        ["chat.checklist.title"] = ("退職・異動時チェックリスト: 未完了 {0} 件 (最終日 {1})", "Offboarding checklist: {0} open items (last day {1})"),
        ["chat.checklist.due"] = ("期限 {0}", "due {0}"),
        ["chat.checklist.done"] = ("完了", "Done"),
        ["chat.checklist.evidence"] = ("証跡 (任意)", "Evidence (optional)"),
        ["chat.checklist.hand_over_group"] = ("グループの引き継ぎ", "Hand over the group"),
        ["chat.checklist.leave_group"] = ("グループからの退出", "Leave the group"),
        ["chat.checklist.revoke_admin"] = ("管理者権限の取消", "Revoke admin rights"),
        ["chat.checklist.delete_account"] = ("MCS アカウントの削除", "Delete your MCS account"),
        ["chat.checklist.release_staff"] = ("スタッフ解除", "Release from facility staff"),
        ["chat.checklist.return_device"] = ("端末の返却", "Return the device"),
        ["chat.checklist.revoke_certificate"] = ("クライアント証明書の失効", "Revoke the client certificate"),
        ["chat.checklist.acknowledge_confidentiality"] = ("退職後の守秘義務の確認", "Acknowledge the confidentiality clause"),
        ["chat.checklist.unlink_chat"] = ("チャット連携の解除", "Unlink chat"),
        ["chat.status.title"] = ("対応が必要な項目", "What is due"),
        ["chat.status.count"] = ("{0} 件 (期限切れ {1})", "{0} ({1} overdue)"),
        // audit
        ["audit.ok"] = ("監査ログの改ざん検証: {0} 件、正常", "audit chain verified: {0} entries intact"),
        ["audit.broken"] = ("監査ログの改ざん検証: 連番 {0} で鎖が切れています ({1} 件目まで正常)", "audit chain broken at sequence {0} ({1} entries intact before it)"),
    };
}
