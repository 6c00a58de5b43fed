using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using McsOps.Core.Application;
using McsOps.Core.Audit;

namespace McsOps.Core.Tests.Properties;

/// <summary>
/// Random sequences of what admins, reviewers and the scheduler do to a small facility, with the
/// clock moving between steps; after every sequence the invariants of issue 3 must hold.
/// </summary>
public sealed class OperationProperties
{
    private static readonly string[] PersonalData = ["青木太郎", "アオキタロウ", "石井和子", "イシイカズコ", "青木様 在宅チーム", "石井様 在宅チーム", "多職種連携 連絡用", "山田一郎", "佐藤花子", "鈴木三郎"];
    private static readonly GroupCode[] Groups = [GroupCode.Parse("G-0042"), GroupCode.Parse("G-0043"), GroupCode.Parse("G-0100")];
    private static readonly StaffCode[] Staff = [StaffCode.Parse("S-0001"), StaffCode.Parse("S-0002"), StaffCode.Parse("S-0003")];

    public static Arbitrary<(int Kind, int A, int B, int Days)[]> Steps() =>
        Gen.Zip(Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, 2)), Gen.Zip(Gen.Choose(0, 2), Gen.Choose(0, 40)))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
            .ArrayOf()
            .Select(a => a.Take(12).ToArray())
            .ToArbitrary();

    [Property(MaxTest = 40, Arbitrary = [typeof(OperationProperties)])]
    public bool AnySequence_KeepsTheInvariants((int Kind, int A, int B, int Days)[] steps)
    {
        using var t = new TestStore();
        t.Seed();
        var ops = new Ops(t.Store, TestStore.Policy, t.Time);

        // An external member in a group whose patient gave no consent: a consent finding from the start.
        ops.Execute(new RecordMembership(Groups[1], Staff[2], MembershipState.Active, TestStore.Policy.Clock.DateOf(t.Time.GetUtcNow())), TestStore.Admin);
        foreach (var (kind, a, b, days) in steps)
        {
            t.Time.Advance(TimeSpan.FromDays(days));
            var before = t.Store.Read(s => s.Audit.Count());
            var counter = t.Store.ChangeCounter;
            try
            {
                Apply(ops, t, kind, a, b);
            }
            catch (OpsException)
            {
                // A refused operation must leave nothing behind.
                if (t.Store.Read(s => s.Audit.Count()) != before || t.Store.ChangeCounter != counter)
                {
                    return false;
                }
            }

            if (!Invariants(t))
            {
                return false;
            }
        }

        return true;
    }

    private static void Apply(Ops ops, TestStore t, int kind, int a, int b)
    {
        var admin = TestStore.Admin;
        switch (kind)
        {
            case 0:
                new Sweeper(TestStore.Policy).Run(t.Store, t.Time.GetUtcNow());
                break;
            case 1:
                ops.Execute(new OpenReview(Groups[a]), admin);
                break;
            case 2:
                ops.Execute(new RecordDecision(Groups[a], Staff[b], (ReviewDecision)(1 + ((a + b) % 3)), "理由"), admin);
                break;
            case 3:
                ops.Execute(new RecordDischarge(a == 0 ? PatientCode.Parse("P-0042") : PatientCode.Parse("P-0043"), TestStore.Policy.Clock.DateOf(t.Time.GetUtcNow()), DischargeReason.Ended), admin);
                break;
            case 4:
                ops.Execute(new RecordMembership(Groups[a], Staff[b], b % 2 == 0 ? MembershipState.Removed : MembershipState.Active, TestStore.Policy.Clock.DateOf(t.Time.GetUtcNow())), admin);
                break;
            case 5:
                if (t.Store.Read(s => s.Actions.Open()).FirstOrDefault() is { } action)
                {
                    ops.Execute(new MarkActionDone(action.Key, "MCS で実施"), admin);
                }

                break;
            case 6:
                ops.Execute(new CloseReview(Groups[a], Cancel: b == 0, "理由"), admin);
                break;
            case 7:
                ops.Execute(new MarkLeaving(Staff[b], TestStore.Policy.Clock.DateOf(t.Time.GetUtcNow()).AddDays(10)), admin);
                break;
            case 8:
                ops.Execute(new DecideInvitation(Groups[a], Staff[b], Approve: a % 2 == 0, "判断の理由"), admin);
                break;
            default:
                ops.Execute(new RecordPasswordChange(Staff[b], PasswordClass.EightRotating, TestStore.Policy.Clock.DateOf(t.Time.GetUtcNow())), admin);
                break;
        }
    }

    private static bool Invariants(TestStore t)
    {
        var now = t.Time.GetUtcNow();
        return t.Store.Read(s =>
        {
            // No review is ever open on an archived or empty group, and never two on one group.
            foreach (var review in s.Reviews.Open())
            {
                var group = s.Groups.Find(review.Group)!;
                if (group.Status == GroupStatus.Archived || review.Items.Count == 0)
                {
                    return false;
                }
            }

            if (s.Reviews.Open().GroupBy(r => r.Group).Any(g => g.Count() > 1))
            {
                return false;
            }

            // The due list never holds a patient's name or a group's MCS name.
            var due = DueList.Compute(s, TestStore.Policy, now).Concat(DueList.Compute(s, TestStore.Policy, now.AddDays(120)));
            if (due.Any(f => PersonalData.Any(n => $"{f.Subject}|{f.Kind}|{f.Detail}|{f.Owner}".Contains(n, StringComparison.Ordinal))))
            {
                return false;
            }

            // The audit chain still verifies.
            return AuditChain.Verify(s.Audit.All(), s.Audit.Head()).Intact;
        });
    }
}
