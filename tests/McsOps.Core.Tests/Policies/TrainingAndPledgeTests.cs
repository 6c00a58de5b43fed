using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Policies;

/// <summary>Design §5.7: yearly security training, a pledge on file (it does not expire), for the home facility's staff only.</summary>
public sealed class TrainingAndPledgeTests : IDisposable
{
    private const string Staff = """
        staff_code,facility_code,name,kana,profession,email,roles,status,last_day,password_class,password_changed_on,pledge_signed_on,last_training_on
        S-0001,F-0001,山田一郎,ヤマダイチロウ,医師,yamada@example.jp,admin,active,,13mixed,,2010-04-01,2025-12-01
        S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,active,,8rotating,2026/9/30,,
        S-0003,F-0002,鈴木三郎,スズキサブロウ,看護師,suzuki@example.jp,,active,,unknown,,,
        S-0004,F-0001,高橋四郎,タカハシシロウ,clerk,,,departed,2026-03-31,13mixed,,,
        """;

    private readonly PolicyWorld _w = new PolicyWorld(Jst(2026, 11, 26, 10)).Seed(staff: Staff);

    public void Dispose() => _w.Dispose();

    private List<DueFinding> Findings(DueCategory category, DateTimeOffset? at = null) => [.. _w.Due(at).Where(f => f.Category == category)];

    [Fact]
    public void Due_Training_IsYearlyAndNeverTrainedIsOverdueWithoutDate()
    {
        var training = Findings(DueCategory.Training);

        training.Select(f => f.Subject).Should().BeEquivalentTo("S-0001", "S-0002");
        training.Single(f => f.Subject == "S-0001").Should().Match<DueFinding>(f => f.Due == new DateOnly(2026, 12, 1) && f.Severity == Severity.Upcoming);
        training.Single(f => f.Subject == "S-0002").Should().Match<DueFinding>(f => f.Due == null && f.Severity == Severity.Overdue);
        Findings(DueCategory.Training, Jst(2026, 12, 2)).Single(f => f.Subject == "S-0001").Severity.Should().Be(Severity.Overdue);
    }

    [Fact]
    public void Due_Pledge_OnlyAMissingOneIsAFinding()
    {
        var f = Findings(DueCategory.Pledge, Jst(2040, 1, 1)).Should().ContainSingle("S-0001's pledge of 2010 never expires").Which;

        f.Should().Match<DueFinding>(x => x.Subject == "S-0002" && x.Due == null && x.Severity == Severity.Overdue && x.Kind == "missing_pledge");
    }

    [Fact]
    public void Due_ExternalAndDepartedStaff_HaveNoTrainingOrPledgeFinding()
    {
        var due = _w.Due();

        due.Should().NotContain(f => (f.Category == DueCategory.Training || f.Category == DueCategory.Pledge) && (f.Subject == "S-0003" || f.Subject == "S-0004"));
    }

    [Fact]
    public void RecordTrainingOrPledge_ClearsTheFinding()
    {
        _w.Run(new RecordTrainingOrPledge(S("S-0002"), new DateOnly(2026, 11, 26), Pledge: true));
        _w.Run(new RecordTrainingOrPledge(S("S-0002"), new DateOnly(2026, 11, 26), Pledge: false));

        Findings(DueCategory.Pledge).Should().BeEmpty();
        Findings(DueCategory.Training).Should().NotContain(f => f.Subject == "S-0002");
        Findings(DueCategory.Training, Jst(2027, 11, 20)).Should().Contain(f => f.Subject == "S-0002" && f.Due == new DateOnly(2027, 11, 26));
    }

    [Fact]
    public void Sweep_MissingTrainingAndPledge_RemindsOncePerMonth()
    {
        _w.Sweep(Jst(2026, 11, 26, 10));
        _w.Sweep(Jst(2026, 11, 27, 10));

        var keys = _w.MessageKeys.Where(k => k.StartsWith("training:", StringComparison.Ordinal) || k.StartsWith("pledge:", StringComparison.Ordinal)).ToList();
        keys.Should().BeEquivalentTo("training:S-0002:2026-11", "pledge:S-0002:2026-11");
    }
}
