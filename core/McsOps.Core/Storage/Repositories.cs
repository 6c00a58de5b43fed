namespace McsOps.Core.Storage;

public interface IFacilityRepository : IRepository<FacilityCode, Facility>;

public interface IStaffRepository : IRepository<StaffCode, Staff>
{
    Staff? FindByOsUser(string osUser);

    /// <summary>The staff member a Slack member id or a Teams (Entra object) id is linked to.</summary>
    Staff? FindByChatUser(Channel platform, string userId);
}

public interface IPatientRepository : IRepository<PatientCode, Patient>;

public interface IGroupRepository : IRepository<GroupCode, Group>
{
    IReadOnlyList<Group> ByPatient(PatientCode patient);

    IReadOnlyList<Group> ByOwner(StaffCode owner);
}

public interface IMembershipRepository : IRepository<(GroupCode Group, StaffCode Staff), Membership>
{
    IReadOnlyList<Membership> ByGroup(GroupCode group);

    /// <summary>The active members of these groups, read at once: cheap when their codes are close together.</summary>
    ILookup<GroupCode, ActiveMember> ActiveMembersOf(IReadOnlySet<GroupCode> groups);

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

    /// <summary>The last <paramref name="count"/> entries, newest first (read backwards along the sequence, not sorted).</summary>
    IReadOnlyList<AuditEntry> Newest(int count);

    /// <summary>The last link as recorded when it was appended; null before the first entry.</summary>
    McsOps.Core.Audit.AuditHead? Head();
}

public interface IReviewRepository : IRepository<string, Review>
{
    /// <summary>The group's open (or escalated) review, if any: there is at most one.</summary>
    Review? OpenFor(GroupCode group);

    IReadOnlyList<Review> ByGroup(GroupCode group);

    /// <summary>The reviews of these groups, read at once: cheap when their codes are close together.</summary>
    ILookup<GroupCode, Review> ByGroups(IReadOnlySet<GroupCode> groups);

    IReadOnlyList<Review> Open();

    /// <summary>The heads of this reviewer's open (or escalated) reviews, through the index, without their items.</summary>
    IReadOnlyList<ReviewHead> OpenHeads(StaffCode reviewer);

    /// <summary>
    /// The heads of every escalated review (what admins are shown as fallback reviewers), by due
    /// date and group; outside a write, read once per committed change of the reviews.
    /// </summary>
    IReadOnlyList<ReviewHead> EscalatedHeads();

    /// <summary>The groups that have an open review (without reading the reviews).</summary>
    IReadOnlySet<GroupCode> OpenGroups();
}

public interface IOutboxRepository : IRepository<string, OutboxMessage>
{
    /// <summary>Adds the message unless one with the same key exists; true when it was added.</summary>
    bool Enqueue(OutboxMessage message);

    IReadOnlyList<OutboxMessage> ByState(OutboxState state);

    /// <summary>How many messages are in <paramref name="state"/>, counted on the index (<c>/readyz</c> asks often).</summary>
    int CountByState(OutboxState state);
}

public interface ILinkCodeStore
{
    /// <summary>Stores the code, voiding any code the same staff member had; returns how many were voided.</summary>
    int Save(LinkCode code);

    /// <summary>Removes and returns the code with this hash: a code works once.</summary>
    LinkCode? Take(string hash);
}

/// <summary>The chat conversation references (how to reach a user proactively), one per platform user.</summary>
public interface IChatConversationStore
{
    ChatConversation? Find(Channel platform, string user);

    void Save(ChatConversation conversation);
}

public interface IChecklistRepository : IRepository<StaffCode, Checklist>
{
    IReadOnlyList<Checklist> Open();
}

/// <summary>
/// The indexed look-ups the due list is built from, so that it never scans every membership.
/// Each returns candidates; the policies decide what is actually due.
/// </summary>
public interface IDueIndex
{
    GroupFacts? Facts(GroupCode group);

    /// <summary>The facts of every group that has members (the group list's counts).</summary>
    IReadOnlyList<GroupFacts> AllFacts();

    /// <summary>Groups owed a review that nobody has opened, at or before <paramref name="at"/>.</summary>
    IReadOnlyList<GroupFacts> ReviewsOwed(DateTimeOffset at);

    IReadOnlyList<GroupFacts> ConsentFindings();

    /// <summary>Invitations still pending that were sent on or before the date.</summary>
    IReadOnlyList<PendingInvitation> PendingInvitations(DateOnly sentOnOrBefore);

    /// <summary>Home staff (not departed) whose 8rotating password was last changed on or before the date, or whose class or date is unknown.</summary>
    IReadOnlyList<Staff> PasswordCandidates(DateOnly changedOnOrBefore);

    /// <summary>Home staff (not departed) last trained on or before the date, or never.</summary>
    IReadOnlyList<Staff> TrainingCandidates(DateOnly trainedOnOrBefore);

    /// <summary>Home staff (not departed) with no pledge on file.</summary>
    IReadOnlyList<Staff> WithoutPledge();

    IReadOnlyList<Staff> Departed();
}

/// <summary>The backup log: every run, failed ones included.</summary>
public interface IBackupLog
{
    void Add(BackupRecord record);

    BackupRecord? Last();

    IReadOnlyList<BackupRecord> All();
}
