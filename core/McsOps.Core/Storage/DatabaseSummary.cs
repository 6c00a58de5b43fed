namespace McsOps.Core.Storage;

/// <summary>Counts that tell an admin at a glance what a database holds. No personal data.</summary>
public sealed record DatabaseSummary(
    int Facilities,
    string? HomeFacility,
    int OwnStaff,
    int ExternalStaff,
    int LeavingStaff,
    int Patients,
    int DischargedPatients,
    int PatientGroups,
    int FreeGroups,
    int ArchivePendingGroups,
    int ActiveMemberships,
    int InvitedMemberships,
    int Devices,
    int LostDevices,
    int OpenActions,
    long AuditEntries)
{
    public static DatabaseSummary Of(IStoreSession s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var facilities = s.Facilities.All();
        var home = facilities.FirstOrDefault(f => f.IsHome);
        var staff = s.Staff.All();
        var patients = s.Patients.All();
        var groups = s.Groups.All();
        var memberships = s.Memberships.All();
        var devices = s.Devices.All();
        return new DatabaseSummary(
            facilities.Count,
            home?.Name,
            staff.Count(x => x.Facility == home?.Code),
            staff.Count(x => x.Facility != home?.Code),
            staff.Count(x => x.Status == StaffStatus.Leaving),
            patients.Count,
            patients.Count(p => p.Status == PatientStatus.Discharged),
            groups.Count(g => g.Kind == GroupKind.Patient),
            groups.Count(g => g.Kind == GroupKind.Free),
            groups.Count(g => g.Status == GroupStatus.ArchivePending),
            memberships.Count(m => m.State == MembershipState.Active),
            memberships.Count(m => m.State == MembershipState.Invited),
            devices.Count,
            devices.Count(d => d.Status == DeviceStatus.Lost),
            s.Actions.Open().Count,
            s.Audit.Count());
    }
}
