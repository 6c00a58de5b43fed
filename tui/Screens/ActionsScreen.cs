using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// MCSでの作業: the admin's to-do list for MCS, earliest due first, the due date in its severity's
/// colour. Enter or <c>m</c> marks the action under the cursor done with an evidence note;
/// <c>M</c> marks every row selected with Space done with one note (one operation, and one audit
/// entry, per action); <c>h</c> shows the done ones too, with who did them, when, and the note.
/// </summary>
internal sealed class ActionsScreen : TableScreen<ActionRow>
{
    public ActionsScreen(TuiContext context)
        : base(context, marking: true, detailLines: 1)
    {
        Bind(Key.M, T("actions.short.done"), T("actions.key.done"), () => MarkDone(CurrentRow), changes: true);
        Bind(Key.M.WithShift, T("actions.short.bulk"), T("actions.key.bulk"), MarkSelectedDone, changes: true);
        Bind(Key.H, T("actions.short.history"), T("actions.key.history"), ToggleDone);
    }

    public override string Crumb => T("actions.title");

    /// <summary>True while the done actions are listed too.</summary>
    public bool IncludeDone { get; private set; }

    protected override string? EnterHelp => T("actions.key.done");

    protected override string HeaderText() => T(IncludeDone ? "actions.showing.all" : "actions.showing.open");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("action.h.kind"), r => Context.L(r.Action.Kind), Column.WidthOf(Enum.GetValues<McsActionKind>().Select(k => Context.L(k)))),
        new(T("action.h.subject"), r => r.Action.Subject, 7),
        new(T("action.h.member"), r => r.Action.Member?.Value ?? "", 7),
        new(T("action.h.name"), r => r.StaffName ?? "", 10),
        new(T("action.h.owner"), r => r.Action.Owner?.Value ?? T("due.admins"), 6),
        new(T("action.h.due"), r => TuiContext.D(r.Action.DueOn), 10, DueSeverity),
        .. IncludeDone
            ? [new(T("action.h.doneat"), r => r.Action.IsOpen ? "" : Context.At(r.Action.DoneAt)), new Column(T("action.h.doneby"), r => r.Action.DoneBy ?? "")]
            : Array.Empty<Column>(),
        new(T("action.h.note"), r => r.Action.Note ?? ""),
    ];

    protected override IReadOnlyList<ActionRow> Load() => Context.Run(new ListActions(IncludeDone));

    protected override string RowId(ActionRow row) => row.Action.Key;

    protected override string Search(ActionRow row) => SearchKey.Of(
        row.Action.Subject,
        row.Action.Member?.Value,
        row.StaffName,
        row.Action.Owner?.Value,
        Context.L(row.Action.Kind),
        DueSeverity(row) is { } s ? T("severity." + Tokens.Format(s)) : null,
        row.Action.IsOpen ? null : T("actions.done"));

    protected override string DetailText(ActionRow row) => row.Action.IsOpen
        ? T("action.detail.open", row.Action.Key, Context.At(row.Action.CreatedAt), row.Action.Note ?? "-")
        : T("action.detail.done", row.Action.Key, Context.At(row.Action.DoneAt), row.Action.DoneBy ?? "-", row.Action.Note ?? "-");

    /// <summary>Enter marks the action done: this list is a to-do list.</summary>
    protected override void Open(ActionRow row) => MarkDone(row);

    private Severity? DueSeverity(ActionRow row) => row.Action.IsOpen ? Context.SeverityOf(row.Action.DueOn) : null;

    private void MarkDone(ActionRow? row)
    {
        if (row is null)
        {
            return;
        }

        var a = row.Action;
        Forms.Show(Context, T("action.done.title", Context.L(a.Kind), a.Subject),
            [new Field("evidence", T("action.f.evidence"), "", T("action.done.hint"))],
            v =>
            {
                var evidence = v.Required("evidence", T("action.f.evidence"));
                return (T("action.done.confirm", Context.L(a.Kind), $"{a.Subject} {a.Member?.Value}".TrimEnd()), () => Context.Run(new MarkActionDone(a.Key, evidence)));
            });
        Refresh();
    }

    private void MarkSelectedDone()
    {
        var selected = Marked.Where(r => r.Action.IsOpen).ToList();
        if (selected.Count == 0)
        {
            Shell.Notify(T("actions.bulk.none"));
            return;
        }

        Forms.Show(Context, T("actions.bulk.title", selected.Count),
            [new Field("evidence", T("action.f.evidence"), "", T("action.done.hint"))],
            v =>
            {
                var evidence = v.Required("evidence", T("action.f.evidence"));
                return (T("actions.bulk.confirm", selected.Count), () =>
                {
                    // One operation per action: each is its own change, with its own audit entry.
                    foreach (var row in selected)
                    {
                        Context.Run(new MarkActionDone(row.Action.Key, evidence));
                    }

                    return selected.Count;
                });
            });
        Refresh();
    }

    private void ToggleDone()
    {
        IncludeDone = !IncludeDone;
        Refresh();
    }
}
