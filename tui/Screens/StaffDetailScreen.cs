using System.Text;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace McsOps.Tui.Screens;

/// <summary>
/// One staff member: who and where, status and roles, the MCS flags, password facts (class, last
/// change, next due — never the password), pledge and training, whether Slack and Teams are linked
/// (never a token or an id), the OS user, the devices they hold, their offboarding checklist and the
/// open MCS actions about them, above the groups they are in or review. The keys record what
/// happened: leaving, a password change, training, a pledge, the flags, a role granted or revoked,
/// an incident; <c>c</c> issues a chat link code.
/// </summary>
internal sealed class StaffDetailScreen : TableScreen<StaffGroupRow>
{
    private readonly StaffCode _code;
    private StaffDetail? _detail;

    public StaffDetailScreen(TuiContext context, StaffCode code)
        : base(context)
    {
        _code = code;
        Bind(Key.L, T("staff.s.leaving"), T("staff.key.leaving"), MarkLeaving, changes: true);
        Bind(Key.P, T("staff.s.password"), T("staff.key.password"), RecordPassword, changes: true);
        Bind(Key.R.WithShift, T("staff.s.role"), T("staff.key.role"), SetRole, changes: true);
        Bind(Key.C, T("staff.s.link"), T("staff.key.link"), IssueLinkCode, changes: true);
        Bind(Key.E, T("staff.s.edit"), T("staff.key.edit"), Edit, changes: true);
        Bind(Key.F, T("staff.s.flags"), T("staff.key.flags"), SetFlags, changes: true);
        Bind(Key.T, T("staff.s.training"), T("staff.key.training"), () => RecordTrainingOrPledge(pledge: false), changes: true);
        Bind(Key.G, T("staff.s.pledge"), T("staff.key.pledge"), () => RecordTrainingOrPledge(pledge: true), changes: true);
        Bind(Key.X, T("staff.s.incident"), T("staff.key.incident"), RecordIncident, changes: true);
    }

    public override string Crumb => _code.Value;

    public StaffDetail Detail => _detail ?? throw new InvalidOperationException("not loaded");

    public override IReadOnlyList<KeyHelp> MoreHelp =>
    [
        .. base.MoreHelp.Where(k => k.Keys != "Enter"),
        new("Enter", T("staff.key.opengroup")),
    ];

    /// <summary>Reads the person once per refresh; the header and the rows come from the same read.</summary>
    public override void Refresh()
    {
        _detail = Context.Run(new GetStaffDetail(_code));
        base.Refresh();
    }

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("staff.h.group"), r => r.Group.Code.Value, 6),
        new(T("staff.h.kind"), r => Context.L(r.Group.Kind), Column.WidthOf(Enum.GetValues<GroupKind>().Select(k => Context.L(k)))),
        new(T("staff.h.membership"), r => r.Membership is { } m ? Context.L(m.State) : T("staff.notmember"), Column.WidthOf(Enum.GetValues<MembershipState>().Select(s => Context.L(s)))),
        new(T("staff.h.owner"), r => r.Owner ? T("staff.owner.yes") : "", 4),
        new(T("staff.h.groupstatus"), r => Context.L(r.Group.Status), 6),
        new(T("staff.h.groupname"), r => r.Group.McsName),
    ];

    protected override IReadOnlyList<StaffGroupRow> Load() => Detail.Groups;

    protected override string HeaderText()
    {
        var d = Detail;
        var s = d.Staff;
        var c = Context;
        var sb = new StringBuilder();
        sb.Append(T("staff.line.who", s.Code.Value, s.Name, s.Kana ?? "", c.L(s.Profession), c.L(s.Status), TuiContext.D(s.LastDay)));
        sb.Append('\n').Append(T("staff.line.facility", s.Facility.Value, d.Facility?.Name ?? "?", d.Home ? T("staff.home") : T("staff.external"), StaffScreen.Roles(c, s.Roles)));
        sb.Append('\n').Append(T("staff.line.flags", Mark(s.IdentityVerified), Mark(s.ProfileComplete), Mark(s.PhotoSet), s.OsUser ?? "-"));
        sb.Append('\n').Append(T("staff.line.chat", Linked(s.SlackUserId), Linked(s.TeamsUserId)));
        sb.Append('\n').Append(T("staff.line.password", c.L(s.PasswordClass), TuiContext.D(s.PasswordChangedOn)));
        sb.Append('\n').Append(T("staff.line.passworddue", PasswordDue(d)));
        sb.Append('\n').Append(T("staff.line.pledge", TuiContext.D(s.PledgeSignedOn), TuiContext.D(s.LastTrainingOn), d.Home ? TuiContext.D(d.TrainingDueOn) : T("staff.pw.notours")));
        sb.Append('\n').Append(T("staff.line.devices", d.Devices.Count == 0
            ? T("staff.none")
            : string.Join(", ", d.Devices.Select(x => $"{x.Tag.Value} {c.L(x.Kind)} {c.L(x.Status)}"))));
        if (d.Checklist is { } checklist)
        {
            sb.Append('\n').Append(T("staff.line.checklist",
                checklist.Items.Count(i => !i.IsDone),
                checklist.Items.Count,
                TuiContext.D(checklist.LastDay),
                checklist.SignedOffAt is { } at ? T("staff.checklist.signed", TuiContext.D(c.Settings.Policy.Clock.DateOf(at))) : T("staff.checklist.open")));
        }

        foreach (var a in d.OpenActions)
        {
            sb.Append('\n').Append(T("staff.line.action", c.L(a.Kind), TuiContext.D(a.DueOn)));
        }

        return sb.ToString();
    }

    protected override string RowId(StaffGroupRow row) => row.Group.Code.Value;

    protected override string Search(StaffGroupRow row) => SearchKey.Of(
        row.Group.Code.Value,
        row.Group.Patient?.Value,
        row.Group.McsName,
        Context.L(row.Group.Kind),
        Context.L(row.Group.Status),
        row.Membership is { } m ? Context.L(m.State) : null,
        row.Owner ? T("staff.owner.yes") : null);

    protected override void Open(StaffGroupRow row) => Shell.Push(new GroupDetailScreen(Context, row.Group.Code));

    private string Mark(bool value) => value ? T("staff.yes") : T("staff.no");

    /// <summary>Linked or not: the platform id itself is not shown.</summary>
    private string Linked(string? platformUserId) => platformUserId is null ? T("staff.unlinked") : T("staff.linked");

    private string PasswordDue(StaffDetail d) => d.PasswordFinding switch
    {
        PasswordPolicy.ChangeNow => T("staff.pw.changenow", TuiContext.D(d.PasswordDueOn)),
        PasswordPolicy.UnknownClass => T("staff.pw.unknownclass"),
        PasswordPolicy.Rotate => TuiContext.D(d.PasswordDueOn),
        _ => d.Home ? T("staff.pw.norotation") : T("staff.pw.notours"),
    };

    private void Edit()
    {
        var s = Detail.Staff;
        Forms.Show(Context, T("staff.edit.title", _code.Value),
            [
                .. StaffForm.Fields(Context, s, s.Facility.Value),
                new Field("status", T("staff.f.status"), Tokens.Format(s.Status), T("staff.edit.statushint")),
            ],
            v =>
            {
                var status = v.Token<StaffStatus>("status", T("staff.f.status"));
                if (status != s.Status && !(status is StaffStatus.Active or StaffStatus.Suspended && s.Status is StaffStatus.Active or StaffStatus.Suspended))
                {
                    throw new FormInputException(T("staff.edit.status"));
                }

                var edited = StaffForm.Read(Context, v, s) with { Status = status };
                return (T("staff.edit.confirm", _code.Value), () => Context.Run(new SaveStaff(edited)));
            });
        Refresh();
    }

    private void MarkLeaving()
    {
        Checklist? built = null;
        Forms.Show(Context, T("staff.leaving.title", _code.Value),
            [new Field("day", T("staff.f.lastday"), Prefill.Date(Detail.Staff.LastDay))],
            v =>
            {
                var day = v.Date("day", T("staff.f.lastday"));
                return (T("staff.leaving.confirm", _code.Value, TuiContext.D(day)), () => built = Context.Run(new MarkLeaving(_code, day)));
            });
        Refresh();
        if (built is { } checklist)
        {
            Shell.Notify(T("staff.leaving.done", _code.Value, checklist.Items.Count));
        }
    }

    private void RecordPassword()
    {
        Forms.Show(Context, T("staff.password.title", _code.Value),
            [
                new Field("class", T("staff.f.class"), Tokens.Format(Detail.Staff.PasswordClass), Prefill.Choices<PasswordClass>(Context)),
                new Field("on", T("staff.f.changedon"), Prefill.Date(Context.Today)),
            ],
            v =>
            {
                var cls = v.Token<PasswordClass>("class", T("staff.f.class"));
                var on = v.Date("on", T("staff.f.changedon"));
                return (T("staff.password.confirm", _code.Value, Context.L(cls), TuiContext.D(on)), () => Context.Run(new RecordPasswordChange(_code, cls, on)));
            });
        Refresh();
    }

    private void RecordTrainingOrPledge(bool pledge)
    {
        var what = pledge ? "pledge" : "training";
        Forms.Show(Context, T($"staff.{what}.title", _code.Value),
            [new Field("on", T("field.date"), Prefill.Date(Context.Today))],
            v =>
            {
                var on = v.Date("on", T("field.date"));
                return (T($"staff.{what}.confirm", _code.Value, TuiContext.D(on)), () => Context.Run(new RecordTrainingOrPledge(_code, on, pledge)));
            });
        Refresh();
    }

    private void SetFlags()
    {
        var s = Detail.Staff;
        Forms.Show(Context, T("staff.flags.title", _code.Value),
            [
                new Field("identity", T("staff.f.identity"), Prefill.Bool(Context, s.IdentityVerified), T("form.yesno.hint")),
                new Field("profile", T("staff.f.profile"), Prefill.Bool(Context, s.ProfileComplete)),
                new Field("photo", T("staff.f.photo"), Prefill.Bool(Context, s.PhotoSet)),
            ],
            v =>
            {
                var identity = v.Bool("identity", T("staff.f.identity"));
                var profile = v.Bool("profile", T("staff.f.profile"));
                var photo = v.Bool("photo", T("staff.f.photo"));
                return (T("staff.flags.confirm", _code.Value, Mark(identity), Mark(profile), Mark(photo)),
                    () => Context.Run(new SetStaffFlags(_code, identity, profile, photo)));
            });
        Refresh();
    }

    private void SetRole()
    {
        var admin = Detail.Staff.Roles.HasFlag(StaffRoles.Admin);
        Forms.Show(Context, T("staff.role.title", _code.Value),
            [
                new Field("role", T("staff.f.role"), "admin", T("staff.role.hint")),
                new Field("grant", T("staff.f.grant"), admin ? "revoke" : "grant", T("staff.role.granthint")),
                new Field("reason", T("staff.f.reason")),
            ],
            v =>
            {
                var role = v.Token<StaffRoles>("role", T("staff.f.role"));
                var grant = v.Required("grant", T("staff.f.grant")).ToLowerInvariant() switch
                {
                    "grant" or "付与" => true,
                    "revoke" or "取消" or "取り消し" => false,
                    _ => throw new FormInputException(T("staff.role.badgrant")),
                };
                var reason = v.Required("reason", T("staff.f.reason"));
                return (T(grant ? "staff.role.confirm.grant" : "staff.role.confirm.revoke", _code.Value, Context.L(role), reason),
                    () => Context.Run(new SetRole(_code, role, grant, reason)));
            });
        Refresh();
    }

    /// <summary>The code is shown once, here, and never stored: only its hash is.</summary>
    private void IssueLinkCode()
    {
        if (!ConfirmDialog.Ask(Context, T("staff.link.confirm", _code.Value)))
        {
            return;
        }

        string code;
        try
        {
            code = Context.Run(new IssueLinkCode(_code));
        }
        catch (OpsException e)
        {
            Shell.Notify(e.Localize(Context.Lang));
            return;
        }

        Refresh();
        Shell.Notify(T("staff.link.done", code, Detail.Staff.Name));
    }

    private void RecordIncident()
    {
        Forms.Show(Context, T("staff.incident.title", _code.Value),
            [
                new Field("kind", T("staff.f.incidentkind"), "", T("staff.incident.kindhint")),
                new Field("note", T("staff.f.note")),
            ],
            v =>
            {
                var kind = v.Required("kind", T("staff.f.incidentkind")).ToLowerInvariant() switch
                {
                    "misuse" or "不正利用" => "misuse",
                    "leak" or "漏えい" or "漏洩" => "leak",
                    "loss" or "紛失" => "loss",
                    "other" or "その他" => "other",
                    _ => throw new FormInputException($"{T("staff.f.incidentkind")}: {T("staff.incident.kindhint")}"),
                };
                var note = v.Required("note", T("staff.f.note"));
                return (T("staff.incident.confirm", _code.Value, kind), () => Context.Run(new RecordIncident(_code.Value, kind, note)));
            });
        Refresh();
    }
}
