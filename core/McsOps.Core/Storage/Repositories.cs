namespace McsOps.Core.Storage;

public interface IFacilityRepository : IRepository<FacilityCode, Facility>;

public interface IStaffRepository : IRepository<StaffCode, Staff>
{
    Staff? FindByOsUser(string osUser);
}

public interface IPatientRepository : IRepository<PatientCode, Patient>;

public interface IGroupRepository : IRepository<GroupCode, Group>
{
    IReadOnlyList<Group> ByPatient(PatientCode patient);
}

public interface IMembershipRepository : IRepository<(GroupCode Group, StaffCode Staff), Membership>
{
    IReadOnlyList<Membership> ByGroup(GroupCode group);

    IReadOnlyList<Membership> ByStaff(StaffCode staff);
}

public interface IDeviceRepository : IRepository<AssetTag, Device>
{
    IReadOnlyList<Device> ByHolder(StaffCode holder);
}

public interface IMcsActionRepository : IRepository<string, McsAction>
{
    IReadOnlyList<McsAction> Open();
}

public interface IAuditLog
{
    /// <summary>Appends an entry, chained to the last one, in the current transaction.</summary>
    AuditEntry Append(Actor actor, string action, string subject, string details);

    AuditEntry? Last();

    long Count();

    /// <summary>Every entry in sequence order.</summary>
    IEnumerable<AuditEntry> All();

    /// <summary>The last link as recorded when it was appended; null before the first entry.</summary>
    McsOps.Core.Audit.AuditHead? Head();
}
