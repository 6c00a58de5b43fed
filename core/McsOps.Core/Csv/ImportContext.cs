using McsOps.Core.Storage;

namespace McsOps.Core.Csv;

/// <summary>
/// What the cross-row checks of an import need to know about the data already stored, loaded
/// once per import and only when a kind asks for it.
/// </summary>
public sealed class ImportContext(IStoreSession store, TimeProvider time, TimeZoneInfo zone)
{
    private HashSet<FacilityCode>? _facilities;
    private HashSet<StaffCode>? _staff;
    private Dictionary<PatientCode, Patient>? _patients;
    private Dictionary<GroupCode, Group>? _groups;

    public IStoreSession Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public TimeZoneInfo Zone { get; } = zone;

    public ISet<FacilityCode> Facilities => _facilities ??= Store.Facilities.All().Select(f => f.Code).ToHashSet();

    public ISet<StaffCode> Staff => _staff ??= Store.Staff.All().Select(s => s.Code).ToHashSet();

    public IDictionary<PatientCode, Patient> Patients => _patients ??= Store.Patients.All().ToDictionary(p => p.Code);

    public IDictionary<GroupCode, Group> Groups => _groups ??= Store.Groups.All().ToDictionary(g => g.Code);
}
