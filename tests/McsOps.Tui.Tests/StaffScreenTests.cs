using McsOps.Core;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;

namespace McsOps.Tui.Tests;

/// <summary>スタッフ and one staff member's screen, headless on the demo facility.</summary>
[Collection("tui")]
public sealed class StaffScreenTests
{
    private static StaffCode S(string code) => StaffCode.Parse(code);

    [Fact]
    public void PaletteStaff_OpensTheList_WithKanjiColumnsAlignedAt80x24()
    {
        using var tui = new TuiHarness(80, 24);
        tui.ThenInDialogs(Steps.Command("staff"));

        tui.Press(new Key(':'));

        var list = tui.Shell.Current.Should().BeOfType<StaffScreen>().Subject;
        list.Total.Should().Be(tui.Store.Read(s => s.Staff.Count()));
        tui.Text().Should().Contain("McsOps › ダッシュボード › スタッフ").And.Contain("山田 一郎").And.Contain("ヤマダ イチロウ");
        var header = tui.Find("コード")!.Value;
        var separators = Separators(tui, header.Y);
        separators.Should().HaveCountGreaterThanOrEqualTo(6);
        foreach (var y in Enumerable.Range(header.Y + 2, 8))
        {
            tui.Lines()[y].Should().MatchRegex("[一-龥]", "a row with a kanji name");
            Separators(tui, y).Should().Equal(separators, $"row {y} lines up with the header");
        }

        tui.Lines().Should().OnlyContain(l => l.Length <= 80);
    }

    [Fact]
    public void FilterByKana_ThenEnter_OpensThePerson_WithDevicesPasswordAndChatLinksButNoIds()
    {
        using var tui = new TuiHarness(100, 30);
        var list = tui.Open(new StaffScreen(tui.Context));

        tui.Press(new Key('/'));
        tui.Type("いのうえ ま");
        list.Shown.Should().ContainSingle().Which.Staff.Code.Should().Be(S("S-0011"));
        tui.Press(Key.Enter);
        tui.Press(Key.Enter);

        var detail = tui.Shell.Current.Should().BeOfType<StaffDetailScreen>().Subject;
        detail.Crumb.Should().Be("S-0011");
        var text = tui.Text();
        text.Should().Contain("スタッフ › S-0011").And.Contain("井上 麻衣").And.Contain("D-0013 スマートフォン 紛失");
        text.Should().Contain("パスワードの変更期限: 2026/11/22 至急 (端末紛失)");
        text.Should().Contain("チャット連携: Slack 連携済み / Teams 未連携");
        var slackId = tui.Store.Read(s => s.Staff.Find(S("S-0011"))!.SlackUserId);
        slackId.Should().NotBeNullOrEmpty();
        text.Should().NotContain(slackId!, "a chat identity is shown as linked, never by its id");
        detail.Shown.Should().NotBeEmpty().And.OnlyContain(r => r.Membership != null || r.Owner);
    }

    [Fact]
    public void EnterOnAGroupRow_OpensTheGroup_AndEscComesBack()
    {
        using var tui = new TuiHarness(100, 30);
        var detail = tui.Open(new StaffDetailScreen(tui.Context, S("S-0002")));
        var group = detail.CurrentRow!.Group.Code;

        tui.Press(Key.Enter);

        tui.Shell.Current.Should().BeOfType<GroupDetailScreen>().Which.Crumb.Should().Be(group.Value);
        tui.Press(Key.Esc);
        tui.Shell.Current.Should().BeSameAs(detail);
    }

    [Fact]
    public void GroupMemberRow_Enter_OpensTheStaffScreen()
    {
        using var tui = new TuiHarness(100, 30);
        var group = tui.Open(new GroupDetailScreen(tui.Context, GroupCode.Parse("G-0001")));
        var member = group.CurrentRow!.Membership.Staff;

        tui.Press(Key.Enter);

        tui.Shell.Current.Should().BeOfType<StaffDetailScreen>().Which.Crumb.Should().Be(member.Value);
    }

    [Fact]
    public void RecordPasswordChange_ThroughTheForm_IsStoredAndShown()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new StaffDetailScreen(tui.Context, S("S-0016")));
        tui.Text().Should().Contain("区分不明 (要確認)");
        tui.ThenInDialogs(Steps.Fill(("class", "13mixed"), ("on", "2026/11/25")), Steps.Yes);

        tui.Press(Key.P);

        tui.PendingSteps.Should().Be(0);
        tui.DialogScreens[1].Should().Contain("S-0016 のパスワード変更 (13文字以上(英数記号), 2026/11/25)");
        var staff = tui.Store.Read(s => s.Staff.Find(S("S-0016"))!);
        staff.PasswordClass.Should().Be(PasswordClass.ThirteenMixed);
        staff.PasswordChangedOn.Should().Be(new DateOnly(2026, 11, 25));
        tui.Text().Should().Contain("パスワード: 13文字以上(英数記号)  最終変更 2026/11/25").And.Contain("定期変更不要");
    }

    [Fact]
    public void MarkLeaving_BadDate_IsShownInTheForm_WhichKeepsWhatWasTyped()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new StaffDetailScreen(tui.Context, S("S-0012")));
        string? error = null;
        string? kept = null;
        tui.ThenInDialogs(Steps.FillExpectingError(f => (error, kept) = (f.Error, f.Value("day")), ("day", "2026-13-40")));

        tui.Press(Key.L);

        error.Should().Contain("最終出勤日").And.Contain("2026-11-26");
        kept.Should().Be("2026-13-40");
        tui.Store.Read(s => s.Staff.Find(S("S-0012"))!.Status).Should().Be(StaffStatus.Active);
    }

    [Fact]
    public void MarkLeaving_BuildsTheChecklist_AndSaysHowManyItems()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new StaffDetailScreen(tui.Context, S("S-0012")));
        tui.ThenInDialogs(Steps.Fill(("day", "2026-12-31")), Steps.Yes, Steps.Close);

        tui.Press(Key.L);

        var checklist = tui.Store.Read(s => s.Checklists.Find(S("S-0012")))!;
        tui.Shell.LastNotice.Should().Be($"S-0012 を退職予定にしました。チェックリストは {checklist.Items.Count} 項目です");
        tui.Text().Should().Contain("退職予定  最終出勤日 2026/12/31").And.Contain($"退職・異動時チェックリスト: 未完了 {checklist.Items.Count}/{checklist.Items.Count} 件");
    }

    [Fact]
    public void GrantAdmin_NeedsAReason_ThenIsAuditedWithIt()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new StaffDetailScreen(tui.Context, S("S-0012")));
        string? error = null;
        tui.ThenInDialogs(Steps.FillExpectingError(f => error = f.Error, ("role", "admin"), ("grant", "付与"), ("reason", "")));

        tui.Press(Key.R.WithShift);
        error.Should().Be("理由 を入力してください");

        tui.ThenInDialogs(Steps.Fill(("role", "MCS管理者"), ("grant", "grant"), ("reason", "副管理者として")), Steps.Yes);
        tui.Press(Key.R.WithShift);

        tui.Store.Read(s => s.Staff.Find(S("S-0012"))!.Roles).Should().Be(StaffRoles.Admin);
        tui.Store.Read(s => s.Audit.Last())!.Should().Match<AuditEntry>(e => e.Action == "staff.grant" && e.Subject == "S-0012" && e.Details == "admin; reason: 副管理者として" && e.Channel == Channel.Tui);
        tui.Text().Should().Contain("権限: MCS管理者");
    }

    [Fact]
    public void IssueLinkCode_ShowsTheCodeOnceWithHowToUseIt_AndStoresOnlyItsHash()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new StaffDetailScreen(tui.Context, S("S-0012")));
        tui.ThenInDialogs(Steps.Yes, Steps.Close);

        tui.Press(Key.C);

        var notice = tui.DialogScreens[1];
        var code = System.Text.RegularExpressions.Regex.Match(tui.Shell.LastNotice!, "連携コード: ([A-Z2-9]{8})").Groups[1].Value;
        code.Should().HaveLength(8);
        notice.Should().Contain(code, "the notice on screen shows the code");
        tui.Shell.LastNotice.Should().Contain($"「link {code}」").And.Contain("24 時間以内に 1 回だけ").And.Contain("木村 彩");
        tui.Text().Should().NotContain(code, "the code is shown in the notice only");
        tui.Store.Read(s => s.Audit.Last())!.Should().Match<AuditEntry>(e => e.Action == "staff.linkcode" && !e.Details.Contains(code));
        tui.Store.Write(s => s.LinkCodes.Take(LinkCode.HashOf(code)))!.Staff.Should().Be(S("S-0012"));
    }

    [Fact]
    public void NewStaff_FromTheList_IsSavedAndShown_AndAnExistingCodeIsRefusedInTheForm()
    {
        using var tui = new TuiHarness(100, 30);
        var list = tui.Open(new StaffScreen(tui.Context));
        string? error = null;
        tui.ThenInDialogs(Steps.FillExpectingError(f => error = f.Error, ("code", "S-0001"), ("name", "重複"), ("profession", "看護師")));

        tui.Press(Key.N);
        error.Should().Contain("S-0001 は既に登録されています");

        tui.ThenInDialogs(Steps.Fill(("code", "ｓ－０２００"), ("name", "新井 花子"), ("kana", "アライ ハナコ"), ("profession", "看護師")), Steps.Yes);
        tui.Press(Key.N);

        var added = tui.Store.Read(s => s.Staff.Find(S("S-0200")))!;
        added.Should().Match<Staff>(s => s.Name == "新井 花子" && s.Profession == Profession.Nurse && s.Facility == FacilityCode.Parse("F-0001"));
        list.FilterText.Should().Be("S-0200");
        list.Shown.Should().ContainSingle();
        tui.Text().Should().Contain("新井 花子");
    }

    [Fact]
    public void ReadOnlyAuditor_ChangingKeysAreRefused()
    {
        using var tui = new TuiHarness(100, 30);
        var auditor = new TuiContext(new McsOps.Core.Application.LocalOpsClient(
            new McsOps.Core.Application.Ops(tui.Store, tui.Context.Settings.Policy, tui.Context.Time), new Actor("S-0005", Channel.Tui), readOnly: true),
            tui.Context.Settings, tui.Context.Time) { App = tui.App };
        tui.Open(new StaffDetailScreen(auditor, S("S-0012")));
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.P);

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.Store.Read(s => s.Staff.Find(S("S-0012"))!.PasswordChangedOn).Should().Be(new DateOnly(2026, 10, 2), "nothing changed");
    }

    private static List<int> Separators(TuiHarness tui, int y) =>
        Enumerable.Range(1, 78).Where(x => tui.Cell(x, y) is "│" or "┼").ToList();
}
