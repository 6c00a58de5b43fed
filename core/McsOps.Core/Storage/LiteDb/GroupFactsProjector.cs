using LiteDB;

namespace McsOps.Core.Storage.LiteDb;

/// <summary>
/// Brings <see cref="GroupFacts"/> up to date for every group a transaction touched (directly,
/// through a member, its patient, a staff member or a review), just before it commits. Large
/// batches (an import) read each collection once instead of group by group.
/// </summary>
internal static class GroupFactsProjector
{
    private const int BulkThreshold = 200;
    private const int BulkLookups = 200;

    public static void Refresh(LiteSession session)
    {
        if (session.HomeMayHaveChanged)
        {
            RestampStaffIfHomeChanged(session);
        }

        // Many look-ups become one pass over the collection.
        if (session.DirtyPatients.Count > BulkLookups)
        {
            session.DirtyGroups.UnionWith(session.Database.GetCollection("groups").FindAll()
                .Where(d => !d["patient"].IsNull && session.DirtyPatients.Contains(d["patient"].AsString))
                .Select(d => d["_id"].AsString));
        }
        else
        {
            foreach (var p in session.DirtyPatients)
            {
                session.DirtyGroups.UnionWith(session.Groups.ByPatient(PatientCode.Parse(p)).Select(g => g.Code.Value));
            }
        }

        if (session.DirtyStaff.Count > BulkLookups)
        {
            session.DirtyGroups.UnionWith(session.Database.GetCollection("memberships").FindAll()
                .Where(d => session.DirtyStaff.Contains(d["staff"].AsString))
                .Select(d => d["group"].AsString));
        }
        else
        {
            foreach (var s in session.DirtyStaff)
            {
                session.DirtyGroups.UnionWith(session.Memberships.ByStaff(StaffCode.Parse(s)).Select(m => m.Group.Value));
            }
        }

        var facts = session.Database.GetCollection(LiteDueIndex.FactsCollection);
        var opened = new BsonArray(session.ReviewOpened.Where(g => !session.DirtyGroups.Contains(g)).Select(g => new BsonValue(g)));
        if (opened.Count > 0)
        {
            // One query and one update for all of them: a sweep opens up to 1,000 reviews per transaction.
            facts.Update(facts.Find(Bson.In("_id", opened)).Where(d => !d["review_next"].IsNull)
                .Select(d => LiteDueIndex.ToDoc(LiteDueIndex.FromDoc(d) with { ReviewNext = null })).ToList());
        }

        session.ReviewOpened.Clear();
        if (session.DirtyGroups.Count == 0)
        {
            return;
        }

        var bulk = session.DirtyGroups.Count > BulkThreshold;
        var source = bulk ? Bulk(session) : PerGroup(session);
        var groups = bulk
            ? session.Groups.All().Where(g => session.DirtyGroups.Contains(g.Code.Value))
            : session.DirtyGroups.Select(code => session.Groups.Find(GroupCode.Parse(code))).OfType<Group>();
        // A group with no facts document counts as owing nothing: an empty group's facts need no
        // document until it has one (this spares writing 25,000 of them when groups are imported).
        var existing = bulk ? facts.Query().Select("$._id").ToEnumerable().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal) : null;
        foreach (var group in groups)
        {
            var computed = Compute(session, group, source);
            var nothing = computed is { ActiveMembers: 0, ReviewNext: null, ConsentFinding: null };
            if (nothing && (existing is not null ? !existing.Contains(group.Code.Value) : facts.FindById(group.Code.Value) is null))
            {
                continue;
            }

            facts.Upsert(LiteDueIndex.ToDoc(computed));
        }

        session.DirtyGroups.Clear();
        session.DirtyPatients.Clear();
        session.DirtyStaff.Clear();
    }

    private static GroupFacts Compute(LiteSession session, Group group, Source source)
    {
        var members = source.ActiveMembers(group.Code);
        var home = session.HomeFacility;
        var external = members.Select(source.FacilityOf).Where(f => f is { } x && x != home).Select(f => f!.Value).Distinct().ToList();
        var patient = group is { Kind: GroupKind.Patient, Patient: { } p, Status: not GroupStatus.Archived } ? source.Patient(p) : null;
        var (open, lastOpened) = source.Reviews(group.Code);
        return new GroupFacts(
            group.Code,
            group.Owner,
            group.ReviewCron,
            members.Count,
            ReviewPolicy.NextScheduled(group, members.Count, open, lastOpened, session.Policy),
            ConsentPolicy.Finding(patient, external));
    }

    private static Source PerGroup(LiteSession session)
    {
        var facilities = new Dictionary<StaffCode, FacilityCode?>();
        return new Source(
            g => session.Memberships.ByGroup(g).Where(m => m.State == MembershipState.Active).Select(m => m.Staff).ToList(),
            s => facilities.TryGetValue(s, out var f) ? f : facilities[s] = session.Staff.Find(s)?.Facility,
            p => session.Patients.Find(p),
            g =>
            {
                var reviews = session.Reviews.ByGroup(g);
                return (reviews.Any(r => r.IsOpen), reviews.Count == 0 ? null : reviews.Max(r => r.OpenedAt));
            });
    }

    private static Source Bulk(LiteSession session)
    {
        var db = session.Database;
        // Reading only the fields needed skips deserialising the rest (a membership's history).
        var members = db.GetCollection("memberships").Query()
            .Where("$.state = 'active'")
            .Select("{ g: $.group, s: $.staff }")
            .ToEnumerable()
            .GroupBy(d => d["g"].AsString)
            .ToDictionary(x => x.Key, x => x.Select(d => Bson.CodeOf<StaffCode>(d["s"])).ToList(), StringComparer.Ordinal);
        var facilities = db.GetCollection("staff").Query()
            .Select("{ id: $._id, f: $.facility }")
            .ToEnumerable()
            .ToDictionary(d => d["id"].AsString, d => (FacilityCode?)Bson.CodeOf<FacilityCode>(d["f"]), StringComparer.Ordinal);
        var patients = session.Patients.All().ToDictionary(p => p.Code);
        var reviews = session.Reviews.All().GroupBy(r => r.Group)
            .ToDictionary(x => x.Key, x => (x.Any(r => r.IsOpen), (DateTimeOffset?)x.Max(r => r.OpenedAt)));
        return new Source(
            g => members.TryGetValue(g.Value, out var list) ? list : [],
            s => facilities.GetValueOrDefault(s.Value),
            p => patients.GetValueOrDefault(p),
            g => reviews.TryGetValue(g, out var r) ? r : (false, null));
    }

    /// <summary>Staff index fields depend on which facility is home: restamp them all when it changes.</summary>
    private static void RestampStaffIfHomeChanged(LiteSession session)
    {
        var meta = session.Database.GetCollection(LiteDbStore.MetaCollection);
        var doc = meta.FindById("meta");
        var home = session.HomeFacility?.Value;
        if (doc.TryGetValue("home", out var recorded) && Bson.Str(recorded) == home)
        {
            return;
        }

        doc["home"] = Bson.Str(home);
        meta.Update(doc);
        foreach (var staff in session.Staff.All())
        {
            session.Staff.Upsert(staff);
        }
    }

    private sealed record Source(
        Func<GroupCode, IReadOnlyList<StaffCode>> ActiveMembers,
        Func<StaffCode, FacilityCode?> FacilityOf,
        Func<PatientCode, Patient?> Patient,
        Func<GroupCode, (bool Open, DateTimeOffset? LastOpened)> Reviews);
}
