namespace McsOps.Core.Storage;

/// <summary>
/// What one read or one write transaction sees. A write session's changes commit together when
/// the operation returns and roll back when it throws.
/// </summary>
public interface IStoreSession
{
    IFacilityRepository Facilities { get; }

    IStaffRepository Staff { get; }

    IPatientRepository Patients { get; }

    IGroupRepository Groups { get; }

    IMembershipRepository Memberships { get; }

    IDeviceRepository Devices { get; }

    IMcsActionRepository Actions { get; }

    IAuditLog Audit { get; }

    IReviewRepository Reviews { get; }

    IOutboxRepository Outbox { get; }

    IChecklistRepository Checklists { get; }

    ILinkCodeStore LinkCodes { get; }

    IChatConversationStore Conversations { get; }

    IDueIndex Due { get; }

    IBackupLog Backups { get; }

    /// <summary>The clock of this store: audit entries and created records are stamped with it.</summary>
    TimeProvider Time { get; }

    /// <summary>The facility's policy settings the store was opened with.</summary>
    Scheduling.PolicySettings Policy { get; }

    /// <summary>The groups this transaction has changed so far (directly or through a member or a review).</summary>
    IReadOnlyCollection<GroupCode> ChangedGroups { get; }
}
