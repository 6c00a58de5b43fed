using System.Text;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// One group: its facts (patient, owner, schedule, the open and the last review, consent findings,
/// open MCS actions) above its members with their state and the signals a reviewer sees. The keys
/// record what happened in MCS: a discharge, an invitation, a member added or removed, a new owner.
/// </summary>
internal sealed class GroupDetailScreen : TableScreen<MemberRow>
{
    private readonly GroupCode _code;
    private GroupDetail? _detail;

    public GroupDetailScreen(TuiContext context, GroupCode code)
        : base(context)
    {
        _code = code;
        Bind(Key.D, T("group.short.discharge"), T("group.key.discharge"), Discharge, changes: true);
        Bind(Key.I, T("group.short.invite"), T("group.key.invite"), Invite, changes: true);
        Bind(Key.A, T("group.short.member"), T("group.key.member"), MemberChanged, changes: true);
        Bind(Key.O, T("group.short.owner"), T("group.key.owner"), Reassign, changes: true);
        Bind(Key.O.WithShift, T("review.short.openadhoc"), T("review.key.openadhoc"), () => ReviewDetailScreen.OpenAdHoc(this, _code), changes: true);
    }

    public override string Crumb => _code.Value;

    public GroupDetail Detail => _detail ?? throw new InvalidOperationException("not loaded");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("group.h.staff"), r => r.Membership.Staff.Value, 7),
        new(T("group.h.name"), r => r.Staff?.Name ?? "-", 12),
        new(T("group.h.facility"), r => r.Staff?.Facility.Value ?? "-", 8),
        new(T("group.h.profession"), r => r.Staff is { } s ? Context.L(s.Profession) : "-", 8),
        new(T("group.h.state"), r => Context.L(r.Membership.State), Column.WidthOf(Enum.GetValues<MembershipState>().Select(s => Context.L(s)))),
        new(T("group.h.signals"), r => Context.L(r.Signals)),
    ];

    protected override IReadOnlyList<MemberRow> Load()
    {
        _detail = Context.Run(new GetGroupDetail(_code));
        return _detail.Members;
    }

    protected override string HeaderText()
    {
        // Loaded here first: the header is drawn from the same read as the rows.
        var d = _detail = Context.Run(new GetGroupDetail(_code));
        var g = d.Group;
        var sb = new StringBuilder();
        sb.Append(T("group.line.kind", g.Code.Value, Context.L(g.Kind), Context.L(g.Status), g.McsName));
        if (d.Patient is { } p)
        {
            sb.Append('\n').Append(T("group.line.patient", p.Code.Value, p.Name, p.Kana ?? "", Context.L(p.Status), TuiContext.D(p.DischargedOn)));
        }

        sb.Append('\n').Append(T("group.line.owner", g.Owner?.Value ?? "-", d.Owner?.Name ?? "", g.ReviewCron ?? T("group.schedule.default")));
        sb.Append('\n').Append(d.OpenReview is { } open
            ? T("group.line.review.open", Context.L(open.Status), TuiContext.D(open.DueOn), open.Pending, open.Items.Count)
            : T("group.line.review.none"));
        sb.Append(' ').Append(d.LastReview is { } last ? T("group.line.review.last", TuiContext.D(Context.Settings.Policy.Clock.DateOf(last.OpenedAt))) : T("group.line.review.never"));
        if (d.ConsentFinding is { } consent)
        {
            sb.Append('\n').Append(T("group.line.consent", T("consent." + consent)));
        }

        foreach (var a in d.OpenActions)
        {
            sb.Append('\n').Append(T("group.line.action", Context.L(a.Kind), a.Member?.Value ?? "", TuiContext.D(a.DueOn)));
        }

        return sb.ToString();
    }

    protected override string RowId(MemberRow row) => row.Membership.Staff.Value;

    protected override string Search(MemberRow row) => SearchKey.Of(
        row.Membership.Staff.Value, row.Staff?.Name, row.Staff?.Kana, row.Staff?.Facility.Value, Context.L(row.Membership.State), Context.L(row.Signals));

    protected override void Open(MemberRow row) => Shell.Open(Navigator.ForStaff(Context, row.Membership.Staff));

    private void Discharge()
    {
        if (Detail.Patient is not { } patient)
        {
            Shell.Notify(T("group.discharge.nopatient"));
            return;
        }

        Forms.Show(Context, T("group.discharge.title", Detail.Group.Code.Value),
            [
                new Field("on", T("field.date"), TuiContext.D(Context.Today).Replace('/', '-')),
                new Field("reason", T("field.dischargereason"), "", string.Join(" / ", Enum.GetValues<DischargeReason>().Select(r => $"{Tokens.Format(r)}={Context.L(r)}"))),
            ],
            v =>
            {
                var on = v.Date("on", T("field.date"));
                var reason = v.Token<DischargeReason>("reason", T("field.dischargereason"));
                return (T("group.discharge.confirm", patient.Code.Value, TuiContext.D(on), Context.L(reason)),
                    () => Context.Run(new RecordDischarge(patient.Code, on, reason)));
            });
        Refresh();
    }

    private void Invite()
    {
        Forms.Show(Context, T("group.invite.title", _code.Value),
            [
                new Field("staff", T("field.staff")),
                new Field("by", T("field.invitedby")),
                new Field("on", T("field.date"), TuiContext.D(Context.Today).Replace('/', '-')),
            ],
            v =>
            {
                var staff = v.Code<StaffCode>("staff", T("field.staff"));
                var by = v.OptionalCode<StaffCode>("by", T("field.invitedby"));
                var on = v.Date("on", T("field.date"));
                return (T("group.invite.confirm", staff.Value, _code.Value), () => Context.Run(new RecordInvitation(_code, staff, by, on)));
            });
        Refresh();
    }

    private void MemberChanged()
    {
        Forms.Show(Context, T("group.member.title", _code.Value),
            [
                new Field("staff", T("field.staff"), CurrentRow?.Membership.Staff.Value ?? ""),
                new Field("state", T("field.memberstate"), "", T("group.member.hint")),
                new Field("on", T("field.date"), TuiContext.D(Context.Today).Replace('/', '-')),
                new Field("reason", T("field.reason")),
            ],
            v =>
            {
                var staff = v.Code<StaffCode>("staff", T("field.staff"));
                var state = v.Token<MembershipState>("state", T("field.memberstate"));
                var on = v.Date("on", T("field.date"));
                return (T("group.member.confirm", staff.Value, _code.Value, Context.L(state)),
                    () => Context.Run(new RecordMembership(_code, staff, state, on, v.Optional("reason"))));
            });
        Refresh();
    }

    private void Reassign()
    {
        Forms.Show(Context, T("group.owner.title", _code.Value),
            [new Field("owner", T("field.newowner"), Detail.Group.Owner?.Value ?? "")],
            v =>
            {
                var owner = v.Code<StaffCode>("owner", T("field.newowner"));
                return (T("group.owner.confirm", _code.Value, owner.Value), () => Context.Run(new ReassignOwner(_code, owner)));
            });
        Refresh();
    }
}
