using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

internal sealed class LiteSession : IStoreSession
{
    public LiteSession(LiteDatabase database, TimeProvider time)
    {
        Database = database;
        Time = time;
        Facilities = new FacilityRepository(this);
        Staff = new StaffRepository(this);
        Patients = new PatientRepository(this);
        Groups = new GroupRepository(this);
        Memberships = new MembershipRepository(this);
        Devices = new DeviceRepository(this);
        Actions = new McsActionRepository(this);
        AuditLog = new LiteAuditLog(this);
    }

    public LiteDatabase Database { get; }

    public TimeProvider Time { get; }

    public bool Changed { get; private set; }

    public IFacilityRepository Facilities { get; }

    public IStaffRepository Staff { get; }

    public IPatientRepository Patients { get; }

    public IGroupRepository Groups { get; }

    public IMembershipRepository Memberships { get; }

    public IDeviceRepository Devices { get; }

    public IMcsActionRepository Actions { get; }

    public IAuditLog Audit => AuditLog;

    public LiteAuditLog AuditLog { get; }

    public void MarkChanged() => Changed = true;
}
