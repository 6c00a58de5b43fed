using System.Text;
using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Core.Audit;
using McsOps.Core.Csv;
using McsOps.Core.Scheduling;

namespace McsOps.Bot.Tests;

/// <summary>
/// One contract, two clients: the same operations and queries, the same results and the same
/// failures, whether they run in this process (<see cref="LocalOpsClientContract"/>) or through the
/// service over its socket (<see cref="RemoteOpsClientContract"/>). Each test gets a fresh copy
/// of <see cref="TestFacility"/>, the caller being S-0001.
/// </summary>
public abstract class OpsClientContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<object> _owned = [];
    private readonly List<string> _directories = [];

    /// <summary>A client for S-0001 on a copy of the facility in <paramref name="dataDirectory"/>: admin, or auditor (read-only).</summary>
    /// <paramref name="own"/> takes what the test must dispose at its end (last owned, first disposed).
    private protected abstract Task<IOpsClient> ConnectAsync(string dataDirectory, bool auditor, Action<object> own);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            if (owned is IAsyncDisposable async)
            {
                await async.DisposeAsync();
            }
            else if (owned is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        _directories.ForEach(TestFacility.Delete);
    }

    [Fact]
    public async Task GetGroupDetail_ReturnsTheGroupItsPatientAndItsMembers()
    {
        var client = await AdminAsync();

        var detail = client.Execute(new GetGroupDetail(GroupCode.Parse("G-0001")));

        detail.Group.McsName.Should().Be("患者一さんのグループ");
        detail.Patient!.Name.Should().Be("患者一");
        detail.Owner!.Code.Value.Should().Be("S-0001");
        detail.Members.Select(m => (m.Membership.Staff.Value, m.Membership.State, m.Staff!.Name))
            .Should().Equal(("S-0001", MembershipState.Active, "山田一郎"), ("S-0002", MembershipState.Active, "佐藤花子"));
        client.Execute(new ListGroups()).Should().ContainSingle().Which.ActiveMembers.Should().Be(2);
    }

    [Fact]
    public async Task RecordDischarge_ChangesThePatient_AndMovesTheChangeCounter()
    {
        var client = await AdminAsync();
        var before = client.ChangeCounter;

        var patient = client.Execute(new RecordDischarge(PatientCode.Parse("P-0001"), new DateOnly(2026, 11, 20), DischargeReason.Moved));

        patient.Status.Should().Be(PatientStatus.Discharged);
        patient.DischargeReason.Should().Be(DischargeReason.Moved);
        client.ChangeCounter.Should().BeGreaterThan(before);
        client.Execute(new GetGroupDetail(GroupCode.Parse("G-0001"))).Patient!.DischargedOn.Should().Be(new DateOnly(2026, 11, 20));
    }

    [Fact]
    public async Task UnknownGroup_FailsWithExitCode3_KeyAndArguments_LocalisedByTheCaller()
    {
        var client = await AdminAsync();

        var act = () => client.Execute(new GetGroupDetail(GroupCode.Parse("G-9999")));

        var e = act.Should().Throw<OpsException>().Which;
        e.Code.Should().Be(ExitCode.InputRejected);
        e.Key.Should().Be("op.unknown");
        e.Args.Should().Equal("G-9999");
        e.Localize(Lang.Ja).Should().Be("G-9999 は登録されていません");
    }

    [Fact]
    public async Task OpenReviewTwice_FailsWithADateArgument_FormattedAsTheServiceWould()
    {
        var client = await AdminAsync();
        var review = client.Execute(new OpenReview(GroupCode.Parse("G-0001")));

        var e = client.Invoking(c => c.Execute(new OpenReview(GroupCode.Parse("G-0001")))).Should().Throw<OpsException>().Which;

        e.Key.Should().Be("op.review.alreadyopen");
        e.Localize(Lang.Ja).Should().Be($"G-0001 には実施中のメンバー精査があります (期限 {review.DueOn:yyyy/MM/dd})");
    }

    [Fact]
    public async Task DueList_AtAnInstant_IsWhatTheEmbeddedComputationFinds()
    {
        var expected = ExpectedDueList();
        var client = await AdminAsync();

        var findings = client.Execute(new GetDueList(At));

        findings.Should().NotBeEmpty().And.BeEquivalentTo(expected, o => o.WithStrictOrdering().ComparingRecordsByMembers());
        findings.Should().Contain(f => f.Category == DueCategory.Password && f.Subject == "S-0001");
    }

    [Fact]
    public async Task ImportCsv_WritesAGoodFile_AndReportsEveryLineOfABadOne()
    {
        var client = await AdminAsync();
        var good = "staff_code,facility_code,name,profession\nS-0003,F-0001,鈴木次郎,nurse\n";
        var bad = "staff_code,facility_code,name,profession\nS-0004,F-0404,名前,nurse\nS-0005,F-0001,名前,宇宙飛行士\n";

        var created = client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(good), "good.csv"));
        var rejected = client.Execute(new ImportCsv("staff", Encoding.UTF8.GetBytes(bad), "/home/admin/bad.csv"));

        created.Should().BeEquivalentTo(new { Kind = "staff", Created = 1, Updated = 0, Unchanged = 0 });
        rejected.Rejected.Should().BeTrue();
        rejected.Errors.Select(e => e.Reason.Key).Should().Equal("csv.unknownref", "csv.badenum");
        rejected.Errors[0].Format(Lang.En).Should().Be("/home/admin/bad.csv:2: facility_code: F-0404 is not known");
        rejected.Errors[1].Format(Lang.Ja).Should().StartWith("/home/admin/bad.csv:3: profession: '宇宙飛行士' は使えません");
    }

    [Fact]
    public async Task Export_ReturnsTheFilesBytes_AndIsAudited()
    {
        var client = await AdminAsync();

        var csv = client.Execute(new ExportData("facilities", ExportFormat.Csv));

        csv.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(csv).Should().Contain("F-0001,山田クリニック,clinic,true");
        Encoding.UTF8.GetString(client.Execute(new ExportData("audit", ExportFormat.Json))).Should().Contain("\"action\": \"export\"");
        client.Execute(new VerifyAuditChain()).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Auditor_Write_IsRefusedWithExitCode6_WhileQueriesAndExportsAnswer()
    {
        var client = await ConnectFreshAsync(auditor: true);

        var act = () => client.Execute(new RecordDischarge(PatientCode.Parse("P-0001"), new DateOnly(2026, 11, 20), DischargeReason.Moved));

        client.ReadOnly.Should().BeTrue();
        var e = act.Should().Throw<OpsException>().Which;
        e.Code.Should().Be(ExitCode.NotPermitted);
        e.Key.Should().Be("op.readonly");
        e.Args.Should().Equal("S-0001");
        client.Execute(new GetGroupDetail(GroupCode.Parse("G-0001"))).Patient!.Status.Should().Be(PatientStatus.Active);
        client.Execute(new ExportData("staff", ExportFormat.Json)).Should().NotBeEmpty();
        client.Execute(new RecordSessionEnd("idle")).Actor.Should().Be("S-0001");
    }

    [Fact]
    public async Task IssueLinkCode_AnswersTheCode()
    {
        var client = await AdminAsync();

        client.Execute(new IssueLinkCode(StaffCode.Parse("S-0002"))).Should().MatchRegex("^[A-Z2-9]{8}$");
    }

    private Task<IOpsClient> AdminAsync() => ConnectFreshAsync(auditor: false);

    private Task<IOpsClient> ConnectFreshAsync(bool auditor)
    {
        var dir = TestFacility.Create(auditor ? "auditor" : "admin");
        _directories.Add(dir);
        return ConnectAsync(dir, auditor, _owned.Add);
    }

    /// <summary>The due list computed in this process on another copy of the facility: what both clients must answer.</summary>
    private IReadOnlyList<DueFinding> ExpectedDueList()
    {
        var dir = TestFacility.Create("admin");
        _directories.Add(dir);
        using var store = TestFacility.Open(dir);
        var policy = new PolicySettings { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") };
        return store.Read(s => DueList.Compute(s, policy, At));
    }
}
