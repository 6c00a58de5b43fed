using McsOps.Core.Storage;

namespace McsOps.Core.Csv;

/// <summary>
/// What the cross-row checks of an import need to know about the data already stored, loaded
/// once per import and only when a kind asks for it.
/// </summary>
public sealed class ImportContext(IStoreSession store, TimeProvider time)
{
    private HashSet<FacilityCode>? _facilities;
    private HashSet<StaffCode>? _staff;
    private Dictionary<PatientCode, Patient>? _patients;
    private Dictionary<GroupCode, Group>? _groups;
    private HashSet<StaffCode>? _leavers;
    private HashSet<PatientCode>? _patientsWithGroups;
    private readonly HashSet<StaffCode> _touchedLeavers = [];

    public IStoreSession Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public ISet<FacilityCode> Facilities => _facilities ??= Store.Facilities.All().Select(f => f.Code).ToHashSet();

    public ISet<StaffCode> Staff => _staff ??= Store.Staff.All().Select(s => s.Code).ToHashSet();

    public IDictionary<PatientCode, Patient> Patients => _patients ??= Store.Patients.All().ToDictionary(p => p.Code);

    public IDictionary<GroupCode, Group> Groups => _groups ??= Store.Groups.All().ToDictionary(g => g.Code);

    /// <summary>Whether any stored group belongs to the patient (read once per import).</summary>
    public bool HasGroups(PatientCode patient) =>
        (_patientsWithGroups ??= Groups.Values.Where(g => g.Patient is not null).Select(g => g.Patient!.Value).ToHashSet()).Contains(patient);

    /// <summary>Staff with an open offboarding checklist.</summary>
    public ISet<StaffCode> Leavers => _leavers ??= Store.Checklists.Open().Select(c => c.Staff).ToHashSet();

    /// <summary>Notes a leaver whose checklist may lack an item for a record that arrived later.</summary>
    public void SyncLeaver(StaffCode? staff)
    {
        if (staff is { } s && Leavers.Contains(s))
        {
            _touchedLeavers.Add(s);
        }
    }

    /// <summary>Completes the checklists of the leavers noted, once each, at the end of the import.</summary>
    public void FlushLeavers(Actor actor)
    {
        foreach (var s in _touchedLeavers)
        {
            Offboardings.AddMissingItems(Store, s, actor);
        }

        _touchedLeavers.Clear();
    }
}
