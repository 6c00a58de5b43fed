using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// One leaver's checklist: the leaver and the sign-off above the items (kind, subject, owner, due,
/// done by / at, evidence; the whole evidence of the item under the cursor below). Space or <c>t</c> ticks the item under the cursor with evidence;
/// <c>S</c> signs the checklist off (完了承認), which the operation refuses while an item is open.
/// </summary>
internal sealed class ChecklistScreen : TableScreen<ChecklistItem>
{
    private readonly StaffCode _staff;
    private ChecklistRow? _row;

    public ChecklistScreen(TuiContext context, StaffCode staff)
        : base(context, detailLines: 1)
    {
        _staff = staff;
        Bind(Key.Space, T("checklist.short.tick"), T("checklist.key.tick"), Tick, changes: true);
        Bind(Key.T, T("checklist.short.tick"), T("checklist.key.tick"), Tick, changes: true);
        Bind(Key.S.WithShift, T("checklist.short.signoff"), T("checklist.key.signoff"), SignOff, changes: true);
    }

    public override string Crumb => _staff.Value;

    protected override string? EnterHelp => null;

    public Checklist Checklist => _row?.Checklist ?? throw new InvalidOperationException("not loaded");

    protected override string HeaderText()
    {
        // Read here, before the rows: the header and the rows come from the same read.
        var row = _row = Context.Run(new GetChecklist(_staff));
        var c = row.Checklist;
        return string.Join('\n',
            T("checklist.line.staff", _staff.Value, row.Staff?.Name ?? "-", row.Staff is { } s ? Context.L(s.Status) : "-", TuiContext.D(c.LastDay)),
            T("checklist.line.progress", c.Items.Count(i => !i.IsDone), c.Items.Count,
                c.IsOpen ? T("offb.notsigned") : T("offb.signed", Context.At(c.SignedOffAt), c.SignedOffBy ?? "")));
    }

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("checklist.h.kind"), i => Context.L(i.Kind), 12),
        new(T("checklist.h.subject"), i => i.Subject ?? "", 7),
        new(T("checklist.h.owner"), i => i.Owner?.Value ?? T("due.admins"), 6),
        new(T("checklist.h.due"), i => TuiContext.D(i.DueOn), 10, i => i.IsDone ? null : Context.SeverityOf(i.DueOn)),
        new(T("checklist.h.doneat"), i => i.IsDone ? Context.At(i.DoneAt) : "", 10),
        new(T("checklist.h.doneby"), i => i.DoneBy ?? "", 6),
        new(T("checklist.h.evidence"), i => i.Evidence ?? ""),
    ];

    protected override IReadOnlyList<ChecklistItem> Load() => Checklist.Items;

    protected override string RowId(ChecklistItem row) => row.Id;

    protected override string Search(ChecklistItem row) => SearchKey.Of(row.Subject, Context.L(row.Kind), row.Owner?.Value, row.Evidence);

    protected override string DetailText(ChecklistItem row) => row.IsDone
        ? T("checklist.detail.done", row.Id, Context.At(row.DoneAt), row.DoneBy ?? "-", row.Evidence ?? "-")
        : T("checklist.detail.open", row.Id);

    private void Tick()
    {
        if (CurrentRow is not { } item)
        {
            return;
        }

        var what = $"{Context.L(item.Kind)} {item.Subject}".TrimEnd();
        Forms.Show(Context, T("checklist.tick.title", _staff.Value, what),
            [new Field("evidence", T("checklist.f.evidence"), "", T("checklist.tick.hint"))],
            v => (T("checklist.tick.confirm", what), () => Context.Run(new CompleteChecklistItem(_staff, item.Id, v.Optional("evidence")))));
        Refresh();
    }

    private void SignOff()
    {
        if (!ConfirmDialog.Ask(Context, T("checklist.signoff.confirm", _staff.Value, _row?.Staff?.Name ?? "")))
        {
            return;
        }

        try
        {
            Context.Run(new SignOffOffboarding(_staff));
        }
        catch (OpsException e)
        {
            Shell.Notify(e.Localize(Context.Lang));
        }

        Refresh();
    }
}
