using McsOps.Core.Storage;

namespace McsOps.Core.Csv.Kinds;

public sealed class GroupCsv : CsvKind<GroupCode, Group>
{
    public override string Name => "groups";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("group_code", true),
        new("kind", true),
        new("mcs_name", true),
        new("patient_code"),
        new("owner_staff_code"),
        new("review_cron"),
        new("status"),
        new("created_on"),
    ];

    protected override Group Parse(RowReader row)
    {
        var before = row.ErrorCount;
        var group = new Group
        {
            Code = row.Code<GroupCode>("group_code", required: true) ?? default,
            Kind = row.Enum<GroupKind>("kind"),
            McsName = row.Required("mcs_name"),
            Patient = row.Code<PatientCode>("patient_code"),
            Owner = row.Code<StaffCode>("owner_staff_code"),
            ReviewCron = row.Optional("review_cron"),
            Status = row.Enum<GroupStatus>("status", GroupStatus.Active),
            CreatedOn = row.Date("created_on"),
        };
        if (row.ErrorCount > before)
        {
            return group;
        }

        if (group.Kind == GroupKind.Patient && group.Patient is null)
        {
            row.Fail("patient_code", "csv.patientgroupnopatient");
        }
        else if (group.Kind == GroupKind.Free && group.Patient is not null)
        {
            row.Fail("patient_code", "csv.freegroupwithpatient");
        }

        if (group.ReviewCron is { } cron && !Cronos.CronExpression.TryParse(cron, Cronos.CronFormat.Standard, out _))
        {
            row.Fail("review_cron", "config.cron", cron);
        }

        return group;
    }

    protected override IReadOnlyList<string?> ToRow(Group g) =>
    [
        g.Code.Value, Format.Enum<GroupKind>(g.Kind), g.McsName, Format.Code(g.Patient), Format.Code(g.Owner),
        g.ReviewCron, Format.Enum<GroupStatus>(g.Status), Format.Date(g.CreatedOn),
    ];

    protected override GroupCode KeyOf(Group g) => g.Code;

    protected override string SubjectOf(Group g) => g.Code.Value;

    protected override IRepository<GroupCode, Group> Repository(IStoreSession session) => session.Groups;

    protected override void CheckAll(IReadOnlyList<(int Line, Group Entity)> rows, ImportContext context, ReportError report)
    {
        // A patient has at most one patient group that is not archived: stored groups that the
        // file does not mention count as they are.
        var inFile = rows.Select(r => r.Entity.Code).ToHashSet();
        var openByPatient = context.Groups.Values
            .Where(g => g.Kind == GroupKind.Patient && g.Status != GroupStatus.Archived && g.Patient is not null && !inFile.Contains(g.Code))
            .GroupBy(g => g.Patient!.Value)
            .ToDictionary(x => x.Key, x => x.First().Code);
        foreach (var (line, g) in rows)
        {
            if (g.Patient is { } p && !context.Patients.ContainsKey(p))
            {
                report(line, "patient_code", "csv.unknownref", p.Value);
            }

            if (g.Owner is { } o && !context.Staff.Contains(o))
            {
                report(line, "owner_staff_code", "csv.unknownref", o.Value);
            }

            if (g is { Kind: GroupKind.Patient, Patient: { } patient } && g.Status != GroupStatus.Archived)
            {
                if (openByPatient.TryGetValue(patient, out var other))
                {
                    report(line, "patient_code", "csv.secondgroup", patient.Value, other.Value);
                }
                else
                {
                    openByPatient[patient] = g.Code;
                }
            }
        }
    }

    protected override Group Prepare(Group incoming, Group? existing, ImportContext context, Actor actor) =>
        Discharges.WithPatient(incoming, incoming.Patient is { } p ? context.Patients.TryGetValue(p, out var patient) ? patient : null : null);

    protected override void AfterWrite(Group stored, Group? previous, ImportContext context, Actor actor)
    {
        if (stored.Patient is { } p && context.Patients.TryGetValue(p, out var patient) && patient.DischargedOn is { } ended)
        {
            Discharges.EnsureArchiveAction(context.Store, stored, ended, actor);
        }

        context.SyncLeaver(stored.Owner);
    }
}
