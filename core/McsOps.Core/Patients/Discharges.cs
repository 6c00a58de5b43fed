using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// Design §5.2: the patient group of a patient who is no longer ours (discharged, or transferred
/// to another facility) waits to be archived (保管) in MCS, and an admin owes an
/// <c>archive group</c> MCS action due 7 days (a setting) after the day it ended. Shared by the
/// operations and by imports, so that imported data has the same consequences. The group's open
/// review is closed by <see cref="ReviewGuard"/> at the end of the operation or import.
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

    /// <summary>Creates the archive action of a group waiting to be archived, unless it exists.</summary>
    public static void EnsureArchiveAction(IStoreSession session, Group group, DateOnly ended, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(group);
        var key = ArchiveActionKey(group.Code);
        if (group.Status != GroupStatus.ArchivePending || session.Actions.Find(key) is not null)
        {
            return;
        }

        var due = ended.AddDays(session.Policy.ArchiveDueDays);
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

    /// <summary>The patient's care with us ended on <paramref name="ended"/>: each of their active patient groups waits to be archived.</summary>
    public static void AwaitArchive(IStoreSession session, PatientCode patient, DateOnly ended, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var group in session.Groups.ByPatient(patient))
        {
            var updated = group is { Kind: GroupKind.Patient, Status: GroupStatus.Active } ? group with { Status = GroupStatus.ArchivePending } : group;
            if (updated != group)
            {
                session.Groups.Upsert(updated);
                session.Audit.Append(actor, "groups.update", group.Code.Value, $"care of {patient.Value} ended; changed: status");
            }

            EnsureArchiveAction(session, updated, ended, actor);
        }
    }
}
