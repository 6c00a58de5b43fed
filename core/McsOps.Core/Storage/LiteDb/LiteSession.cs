using LiteDB;
using McsOps.Core.Scheduling;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// One transaction's view of the database. It remembers which groups, patients and staff a write
/// touched, so that the store can bring the due-list facts of exactly those up to date before
/// the transaction commits.
/// </summary>
internal sealed class LiteSession : IStoreSession
{
    private FacilityCode? _home;
    private bool _homeLoaded;

    public LiteSession(LiteDatabase database, TimeProvider time, PolicySettings policy, ReadMemo? memo = null)
    {
        Database = database;
        Memo = memo;
        Time = time;
        Policy = policy;
        Facilities = new FacilityRepository(this);
        Staff = new StaffRepository(this);
        Patients = new PatientRepository(this);
        Groups = new GroupRepository(this);
        Memberships = new MembershipRepository(this);
        Devices = new DeviceRepository(this);
        Actions = new McsActionRepository(this);
        AuditLog = new LiteAuditLog(this);
        Reviews = new ReviewRepository(this);
        Outbox = new OutboxRepository(this);
        Checklists = new ChecklistRepository(this);
        DueIndex = new LiteDueIndex(this);
        LinkCodes = new LiteLinkCodeStore(this);
        Conversations = new LiteChatConversationStore(this);
        Backups = new LiteBackupLog(this);
    }

    public IBackupLog Backups { get; }

    public LiteDatabase Database { get; }

    /// <summary>Values read once per committed change of their collection (<see cref="ReadMemo"/>); null in a write session.</summary>
    public ReadMemo? Memo { get; }

    public TimeProvider Time { get; }

    public PolicySettings Policy { get; }

    public bool Changed { get; private set; }

    public HashSet<string> DirtyGroups { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DirtyPatients { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DirtyStaff { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups whose only news may be that a review is now open.</summary>
    public HashSet<string> ReviewOpened { get; } = new(StringComparer.Ordinal);

    public bool HomeMayHaveChanged { get; private set; }

    public IReadOnlyCollection<GroupCode> ChangedGroups => [.. DirtyGroups.Concat(ReviewOpened).Distinct().Select(GroupCode.Parse)];

    public bool HasDirtyFacts => DirtyGroups.Count > 0 || DirtyPatients.Count > 0 || DirtyStaff.Count > 0 || ReviewOpened.Count > 0 || HomeMayHaveChanged;

    public IFacilityRepository Facilities { get; }

    public IStaffRepository Staff { get; }

    public IPatientRepository Patients { get; }

    public IGroupRepository Groups { get; }

    public IMembershipRepository Memberships { get; }

    public IDeviceRepository Devices { get; }

    public IMcsActionRepository Actions { get; }

    public IAuditLog Audit => AuditLog;

    public LiteAuditLog AuditLog { get; }

    public IReviewRepository Reviews { get; }

    public IOutboxRepository Outbox { get; }

    public IChecklistRepository Checklists { get; }

    public IDueIndex Due => DueIndex;

    public ILinkCodeStore LinkCodes { get; }

    public IChatConversationStore Conversations { get; }

    public LiteDueIndex DueIndex { get; }

    /// <summary>The home facility's code, read once per session.</summary>
    public FacilityCode? HomeFacility
    {
        get
        {
            if (!_homeLoaded)
            {
                var doc = Database.GetCollection("facilities").FindOne(Bson.Eq("home", true));
                _home = doc is null ? null : Bson.CodeOf<FacilityCode>(doc["_id"]);
                _homeLoaded = true;
            }

            return _home;
        }
    }

    /// <summary>The collections written through a repository in this transaction (each gets its own change counter).</summary>
    public HashSet<string> ChangedCollections { get; } = new(StringComparer.Ordinal);

    public void MarkChanged() => Changed = true;

    public void MarkChanged(string collection)
    {
        Changed = true;
        ChangedCollections.Add(collection);
    }

    public void MarkGroup(GroupCode group) => DirtyGroups.Add(group.Value);

    public void MarkPatient(PatientCode patient) => DirtyPatients.Add(patient.Value);

    public void MarkStaff(StaffCode staff) => DirtyStaff.Add(staff.Value);

    public void FacilityChanged()
    {
        _homeLoaded = false;
        HomeMayHaveChanged = true;
    }
}
