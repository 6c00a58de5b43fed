using McsOps.Core.Storage;

namespace McsOps.Core.Csv.Kinds;

public sealed class MembershipCsv : CsvKind<(GroupCode, StaffCode), Membership>
{
    public override string Name => "memberships";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("group_code", true),
        new("staff_code", true),
        new("state", true),
        new("invited_by"),
        new("invited_on"),
        new("approved_on"),
        new("removed_on"),
    ];

    protected override Membership Parse(RowReader row)
    {
        var before = row.ErrorCount;
        var m = new Membership
        {
            Group = row.Code<GroupCode>("group_code", required: true) ?? default,
            Staff = row.Code<StaffCode>("staff_code", required: true) ?? default,
            State = row.Enum<MembershipState>("state"),
            InvitedBy = row.Code<StaffCode>("invited_by"),
            InvitedOn = row.Date("invited_on"),
            ApprovedOn = row.Date("approved_on"),
            RemovedOn = row.Date("removed_on"),
        };
        if (row.ErrorCount == before && m.State == MembershipState.Invited && m.InvitedOn is null)
        {
            row.Fail("invited_on", "csv.invitednodate");
        }

        return m;
    }

    protected override IReadOnlyList<string?> ToRow(Membership m) =>
    [
        m.Group.Value, m.Staff.Value, Format.Enum<MembershipState>(m.State), Format.Code(m.InvitedBy),
        Format.Date(m.InvitedOn), Format.Date(m.ApprovedOn), Format.Date(m.RemovedOn),
    ];

    protected override (GroupCode, StaffCode) KeyOf(Membership m) => (m.Group, m.Staff);

    protected override string SubjectOf(Membership m) => m.Group.Value + "/" + m.Staff.Value;

    protected override IRepository<(GroupCode, StaffCode), Membership> Repository(IStoreSession session) => session.Memberships;

    protected override void CheckAll(IReadOnlyList<(int Line, Membership Entity)> rows, ImportContext context, ReportError report)
    {
        foreach (var (line, m) in rows)
        {
            if (!context.Groups.ContainsKey(m.Group))
            {
                report(line, "group_code", "csv.unknownref", m.Group.Value);
            }

            if (!context.Staff.Contains(m.Staff))
            {
                report(line, "staff_code", "csv.unknownref", m.Staff.Value);
            }

            if (m.InvitedBy is { } by && !context.Staff.Contains(by))
            {
                report(line, "invited_by", "csv.unknownref", by.Value);
            }
        }
    }

    protected override void AfterWrite(Membership stored, Membership? previous, ImportContext context, Actor actor) =>
        context.SyncLeaver(stored.Staff);

    /// <summary>Keeps the stored history and adds a step when the state is new or changed.</summary>
    protected override Membership Prepare(Membership incoming, Membership? existing, ImportContext context, Actor actor)
    {
        var history = existing?.History ?? [];
        if (existing?.State != incoming.State)
        {
            history = [.. history, new MembershipEvent(incoming.State, context.Time.GetUtcNow(), actor.Id, "import")];
        }

        return incoming with { History = history };
    }
}
