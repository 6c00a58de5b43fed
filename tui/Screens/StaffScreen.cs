using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// スタッフ: every staff member, ours and external, with facility, profession, status, roles and the
/// password facts (class and last change, never the password). Enter opens the person; <c>n</c>
/// adds one. The filter matches codes, names, kana, the facility and the words on screen.
/// </summary>
internal sealed class StaffScreen : TableScreen<StaffRow>
{
    public StaffScreen(TuiContext context)
        : base(context)
    {
        Bind(Key.N, T("staff.s.new"), T("staff.key.new"), New, changes: true);
    }

    public override string Crumb => T("staff.title");

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("staff.h.code"), r => r.Staff.Code.Value, 6),
        new(T("staff.h.name"), r => r.Staff.Name, 10),
        new(T("staff.h.kana"), r => r.Staff.Kana ?? "", 10),
        new(T("staff.h.facility"), r => r.Staff.Facility.Value, 6),
        new(T("staff.h.profession"), r => Context.L(r.Staff.Profession), 6),
        new(T("staff.h.status"), r => Context.L(r.Staff.Status), Column.WidthOf(Enum.GetValues<StaffStatus>().Select(s => Context.L(s)))),
        new(T("staff.h.roles"), r => Roles(Context, r.Staff.Roles), 4),
        new(T("staff.h.password"), r => $"{T("staff.pw." + Tokens.Format(r.Staff.PasswordClass))} {TuiContext.D(r.Staff.PasswordChangedOn)}"),
    ];

    protected override IReadOnlyList<StaffRow> Load() => Context.Run(new ListStaff());

    protected override string RowId(StaffRow row) => row.Staff.Code.Value;

    protected override string Search(StaffRow row) => SearchKey.Of(
        row.Staff.Code.Value,
        row.Staff.Name,
        row.Staff.Kana,
        row.Staff.Facility.Value,
        row.FacilityName,
        row.Staff.Email,
        Context.L(row.Staff.Profession),
        Context.L(row.Staff.Status),
        Roles(Context, row.Staff.Roles),
        row.Home ? T("staff.home") : T("staff.external"));

    protected override void Open(StaffRow row) => Shell.Push(new StaffDetailScreen(Context, row.Staff.Code));

    /// <summary>The roles as the screens show them: MCS管理者・監査責任者, or "-".</summary>
    internal static string Roles(TuiContext c, StaffRoles roles) => roles == StaffRoles.None ? "-" : c.L(roles);

    private void New()
    {
        var home = All.FirstOrDefault(x => x.Home)?.Staff.Facility.Value ?? "";
        StaffCode? added = null;
        Forms.Show(Context, T("staff.new.title"),
            [
                new Field("code", T("staff.f.code")),
                .. StaffForm.Fields(Context, null, home),
            ],
            v =>
            {
                var code = v.Code<StaffCode>("code", T("staff.f.code"));
                if (All.Any(r => r.Staff.Code == code))
                {
                    throw new FormInputException(T("staff.new.exists", code.Value));
                }

                var staff = StaffForm.Read(Context, v, new Staff { Code = code, Facility = default, Name = "", Profession = default });
                return (T("staff.new.confirm", code.Value, staff.Name), () =>
                {
                    added = Context.Run(new SaveStaff(staff)).Code;
                    return added;
                });
            });
        // The new row is shown alone (Esc clears the filter).
        Refresh();
        if (added is { } code)
        {
            FilterText = code.Value;
        }
    }
}
