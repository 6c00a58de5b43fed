using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// 未送信 (dead): the outbox messages the service's dispatcher gave up on — key, recipient, kind,
/// tries and the platform's last error, oldest first (never the content). Enter or <c>s</c> sends
/// the message under the cursor again (はい/いいえ first): it is pending again, its tries reset,
/// and the retry is audited. Opened from the dashboard with <c>D</c>.
/// </summary>
internal sealed class DeadLettersScreen : TableScreen<DeadMessage>
{
    public DeadLettersScreen(TuiContext context)
        : base(context, detailLines: 1) =>
        Bind(Key.S, T("dead.short.retry"), T("dead.key.retry"), () => Retry(CurrentRow), changes: true);

    public override string Crumb => T("dead.title");

    protected override string? EnterHelp => T("dead.key.retry");

    protected override string HeaderText() => T("dead.header");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("dead.h.created"), m => Context.At(m.CreatedAt), 16),
        new(T("dead.h.recipient"), m => m.Recipient.Value, 6),
        new(T("dead.h.kind"), m => m.Kind, 8),
        new(T("dead.h.attempts"), m => m.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), 4),
        new(T("dead.h.error"), m => m.LastError ?? "-"),
    ];

    protected override IReadOnlyList<DeadMessage> Load() => Context.Run(new ListDeadMessages());

    protected override string RowId(DeadMessage row) => row.Key;

    protected override string Search(DeadMessage row) => SearchKey.Of(row.Key, row.Recipient.Value, row.Kind, row.LastError);

    protected override string DetailText(DeadMessage row) => row.Key;

    protected override void Open(DeadMessage row) => Retry(row);

    private void Retry(DeadMessage? row)
    {
        if (row is null)
        {
            return;
        }

        if (Context.ReadOnly)
        {
            Shell.Notify(T("tui.readonly"));
            return;
        }

        if (!ConfirmDialog.Ask(Context, T("dead.retry.confirm", row.Recipient.Value, row.Kind)))
        {
            return;
        }

        try
        {
            // The row leaves the list: that is the answer.
            Context.Run(new RetryDeadMessage(row.Key));
        }
        catch (OpsException e)
        {
            Shell.Notify(e.Localize(Context.Lang));
        }

        Refresh();
    }
}
