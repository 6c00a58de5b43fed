using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// Design §5.2: the patient group of a discharged patient waits to be archived (保管) in MCS, and an
/// admin owes an <c>archive group</c> MCS action due 7 days after the discharge. Shared by the
/// discharge operation and by imports, so that imported data has the same consequences.
/// </summary>
public static class Discharges
{
    /// <summary>The group as it must be stored given its patient: active → archive_pending on discharge.</summary>
    public static Group WithPatient(Group group, Patient? patient)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group is { Kind: GroupKind.Patient, Status: GroupStatus.Active } && patient is { Status: PatientStatus.Discharged }
            ? group with { Status = GroupStatus.ArchivePending }
            : group;
    }

    public static string ArchiveActionKey(GroupCode group) => "archive_group:" + group.Value;

    /// <summary>Creates the archive action for a group waiting to be archived, unless it exists.</summary>
    public static void EnsureArchiveAction(IStoreSession session, Group group, Patient patient, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(patient);
        var key = ArchiveActionKey(group.Code);
        if (group.Status != GroupStatus.ArchivePending || patient.DischargedOn is not { } on || session.Actions.Find(key) is not null)
        {
            return;
        }

        var due = on.AddDays(session.Policy.ArchiveDueDays);
        session.Actions.Upsert(new McsAction
        {
            Key = key,
            Kind = McsActionKind.ArchiveGroup,
            Subject = group.Code.Value,
            DueOn = due,
            CreatedAt = session.Time.GetUtcNow(),
        });
        session.Audit.Append(actor, "actions.create", group.Code.Value, $"archive_group due {due:yyyy-MM-dd}");
    }

    /// <summary>Applies a discharge to every patient group of the patient.</summary>
    public static void ApplyToGroups(IStoreSession session, Patient patient, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(patient);
        foreach (var group in session.Groups.ByPatient(patient.Code))
        {
            var updated = WithPatient(group, patient);
            if (updated != group)
            {
                session.Groups.Upsert(updated);
                session.Audit.Append(actor, "groups.update", group.Code.Value, $"discharge of {patient.Code.Value}; changed: status");
            }

            EnsureArchiveAction(session, updated, patient, actor);
        }
    }
}
