using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// 招待の承認: the pending invitations, oldest first, with the due date in its severity's colour and
/// how many approval conditions fail; under the table, the invitee and every condition with ✓ or ✗.
/// <c>a</c> approves (承認する), <c>R</c> rejects (承認しない), each with a reason; either way
/// pressing the button in MCS becomes an MCS action. Enter opens the group.
/// </summary>
internal sealed class InvitationsScreen : TableScreen<InvitationRow>
{
    public InvitationsScreen(TuiContext context)
        : base(context, detailLines: 2)
    {
        Bind(Key.A, T("inv.short.approve"), T("inv.key.approve"), () => Decide(approve: true), changes: true);
        Bind(Key.R.WithShift, T("inv.short.reject"), T("inv.key.reject"), () => Decide(approve: false), changes: true);
    }

    public override string Crumb => T("inv.title");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("inv.h.group"), r => r.Membership.Group.Value, 7),
        new(T("inv.h.due"), r => TuiContext.D(r.DueOn), 10, r => Context.SeverityOf(r.DueOn)),
        new(T("inv.h.staff"), r => r.Membership.Staff.Value, 7),
        new(T("inv.h.name"), r => r.Invitee?.Name ?? "-", 10),
        new(T("inv.h.conditions"), Summary, 6),
        new(T("inv.h.facility"), r => r.Invitee?.Facility.Value ?? "-", 6),
        new(T("inv.h.invitedby"), r => r.InvitedBy?.Name ?? r.Membership.InvitedBy?.Value ?? "-", 10),
        new(T("inv.h.invitedon"), r => TuiContext.D(r.Membership.InvitedOn)),
    ];

    protected override IReadOnlyList<InvitationRow> Load() => Context.Run(new ListInvitations());

    protected override string RowId(InvitationRow row) => $"{row.Membership.Group.Value}/{row.Membership.Staff.Value}";

    protected override string Search(InvitationRow row) => SearchKey.Of(
    [
        row.Membership.Group.Value,
        row.Membership.Staff.Value,
        row.Invitee?.Name,
        row.Invitee?.Kana,
        row.Facility?.Code.Value,
        row.Facility?.Name,
        row.InvitedBy?.Name,
        .. row.Conditions.Where(c => !c.Met).Select(c => T("inv.cond." + c.Name)),
    ]);

    protected override string DetailText(InvitationRow row) => string.Join('\n',
        T("inv.detail.invitee", row.Membership.Staff.Value, row.Invitee?.Name ?? "-", row.Invitee?.Kana ?? "", row.Facility?.Name ?? "-", row.Invitee?.Facility.Value ?? "-"),
        string.Join("  ", row.Conditions.Select(c => (c.Met ? "✓" : "✗") + T("inv.cond." + c.Name))));

    protected override void Open(InvitationRow row) => Shell.Push(new GroupDetailScreen(Context, row.Membership.Group));

    private string Summary(InvitationRow row) => row.Conditions.Count(c => !c.Met) is var failed and > 0 ? T("inv.failed", failed) : "✓";

    private void Decide(bool approve)
    {
        if (CurrentRow is not { } row)
        {
            return;
        }

        var (group, staff) = (row.Membership.Group, row.Membership.Staff);
        var failed = string.Join("・", row.Conditions.Where(c => !c.Met).Select(c => T("inv.cond." + c.Name)));
        Forms.Show(Context, T(approve ? "inv.approve.title" : "inv.reject.title", staff.Value, group.Value),
            [new Field("reason", T("inv.f.reason"), "", T(approve ? "inv.approve.hint" : "inv.reject.hint"))],
            v =>
            {
                // A rejection always needs a reason; an approval only against a failed condition (the operation says so).
                var reason = approve ? v.Optional("reason") : v.Required("reason", T("inv.f.reason"));
                var question = T(approve ? "inv.approve.confirm" : "inv.reject.confirm", staff.Value, row.Invitee?.Name ?? "", group.Value)
                    + (approve && failed.Length > 0 ? "\n" + T("inv.approve.failed", failed) : "");
                return (question, () => Context.Run(new DecideInvitation(group, staff, approve, reason)));
            });
        Refresh();
    }
}
