using McsOps.Core;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;
using Code = McsOps.Core.Code;

namespace McsOps.Tui.Tests;

/// <summary>The group list and a group's detail, headless on the demo facility, driven by keys.</summary>
[Collection("tui")]
public sealed class GroupScreenTests
{
    private static Key Colon => new(':');
    private static Key Slash => new('/');

    [Fact]
    public void PaletteGroups_ThenFilterByHiraganaKana_FindsThePatientsGroup()
    {
        using var tui = new TuiHarness(100, 30);
        var patient = tui.Store.Read(s => s.Patients.Find(Code.Parse<PatientCode>("P-0004")))!;
        var hiragana = Hiragana(patient.Kana!.Split(' ')[0]);

        var groups = OpenGroups(tui);
        tui.Press(Slash);
        tui.Type(hiragana);

        groups.Shown.Select(r => r.Group.Code.Value).Should().Contain("G-0004");
        groups.Shown.Should().HaveCountLessThan(groups.Total).And.OnlyContain(r => (r.PatientKana + r.OwnerName).Contains(patient.Kana!.Split(' ')[0], StringComparison.Ordinal)
            || (r.PatientKana ?? "").Contains(patient.Kana!.Split(' ')[0], StringComparison.Ordinal));
        tui.Text().Should().Contain(patient.Name).And.Contain(tui.Context.T("filter.count", groups.Shown.Count, groups.Total));
        tui.Shell.Title.Should().Be("McsOps › ダッシュボード › グループ");
    }

    [Fact]
    public void Filter_MatchesStatusWords_AndEscClearsItBeforeGoingBack()
    {
        using var tui = new TuiHarness(100, 30);
        var groups = OpenGroups(tui);
        var all = groups.Total;

        tui.Press(Slash);
        tui.Type("ＧＲＯＵＰ"[..0] + "g－000");
        groups.Shown.Should().OnlyContain(r => r.Group.Code.Value.StartsWith("G-000", StringComparison.Ordinal), "full-width and dash look-alikes fold");
        tui.Press(Key.Enter);
        tui.Press(Key.Esc);

        groups.FilterText.Should().BeEmpty();
        groups.Shown.Should().HaveCount(all);
        tui.Shell.Current.Should().BeSameAs(groups, "the first Esc only cleared the filter");
        tui.Press(Key.Esc);
        tui.Shell.Current.Should().BeOfType<DashboardScreen>();
        tui.Press(Key.Esc);
        tui.Shell.Current.Should().BeOfType<DashboardScreen>("Esc never quits");
        tui.Shell.QuitRequested.Should().BeFalse();
    }

    [Fact]
    public void EnterOnAGroup_ShowsMembersWithStateAndSignals_InTheBreadcrumb()
    {
        using var tui = new TuiHarness(100, 30);
        var groups = OpenGroups(tui);
        tui.Press(Slash);
        tui.Type("G-0004");
        tui.Press(Key.Enter);
        tui.Press(Key.Enter);

        var detail = tui.Shell.Current.Should().BeOfType<GroupDetailScreen>().Subject;
        tui.Shell.Title.Should().Be("McsOps › ダッシュボード › グループ › G-0004");
        var members = tui.Store.Read(s => s.Memberships.ByGroup(Code.Parse<GroupCode>("G-0004")));
        detail.Shown.Select(r => r.Membership.Staff).Should().BeEquivalentTo(members.Select(m => m.Staff));
        tui.Text().Should().Contain("参加中").And.Contain("精査担当者").And.Contain("d  終了");
    }

    [Fact]
    public void RecordDischarge_FromTheGroup_PutsTheArchiveActionOnTheDashboard()
    {
        using var tui = new TuiHarness(100, 30);
        var group = Code.Parse<GroupCode>("G-0004");
        tui.Shell.Push(new GroupDetailScreen(tui.Context, group));
        var auditBefore = tui.Store.Read(s => s.Audit.Count());

        tui.ThenInDialogs(
            (t, d) =>
            {
                ((FormDialog)d).Set("reason", "死亡");
                t.App.InjectKey(Key.Enter);
            },
            (t, _) => t.App.InjectKey(Key.Enter));
        tui.Press(Key.D);

        tui.DialogScreens.Should().HaveCount(2);
        tui.DialogScreens[1].Should().Contain("患者 P-0004 の終了 (2026/11/26, 死亡)").And.Contain("はい");
        var patient = tui.Store.Read(s => s.Patients.Find(Code.Parse<PatientCode>("P-0004")))!;
        patient.Status.Should().Be(PatientStatus.Discharged);
        patient.DischargeReason.Should().Be(DischargeReason.Death);
        tui.Store.Read(s => s.Actions.Find("archive_group:G-0004"))!.IsOpen.Should().BeTrue();
        tui.Store.Read(s => s.Audit.Count()).Should().BeGreaterThan(auditBefore);
        tui.Text().Should().Contain("グループの保管", "the detail shows the new MCS action");

        tui.Press(Key.Esc);
        tui.Dashboard.Findings.Should().Contain(f => f.Category == DueCategory.McsAction && f.Subject == "G-0004" && f.Kind == "archive_group");
    }

    [Fact]
    public void Discharge_WithABadReasonOrDate_ShowsTheErrorInTheForm_KeepsTheText_AndWritesNothing()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Shell.Push(new GroupDetailScreen(tui.Context, Code.Parse<GroupCode>("G-0004")));
        var changes = tui.Store.ChangeCounter;
        string? error = null;
        string? kept = null;
        tui.ThenInDialogs((t, d) =>
        {
            var form = (FormDialog)d;
            form.Set("reason", "たぶん");
            t.App.InjectKey(Key.Enter);
            t.App.Invoke(() =>
            {
                error = form.Error;
                form.Set("on", "2026-13-45");
                form.Set("reason", "death");
                t.App.InjectKey(Key.Enter);
                t.App.Invoke(() =>
                {
                    kept = form.Error + "|" + form.Value("on");
                    form.RequestStop();
                });
            });
        });
        tui.Press(Key.D);

        error.Should().Contain("終了理由").And.Contain("たぶん").And.Contain("death");
        kept.Should().Contain("日付").And.EndWith("|2026-13-45");
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    [Fact]
    public void Auditor_CannotRecordADischarge()
    {
        using var tui = new TuiHarness(100, 30, auditor: true);
        tui.Shell.Push(new GroupDetailScreen(tui.Context, Code.Parse<GroupCode>("G-0004")));
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs((t, _) => t.App.InjectKey(Key.Enter));

        tui.Press(Key.D);

        tui.Shell.LastNotice.Should().Contain("閲覧専用");
        tui.Store.ChangeCounter.Should().Be(changes);
        tui.Text().Should().NotContain("d  終了", "the status bar hides what the auditor cannot do");
    }

    [Fact]
    public void Palette_UnknownCommand_SaysSoInPlace_AndQQuits()
    {
        using var tui = new TuiHarness();
        CommandPalette? seen = null;
        tui.ThenInDialogs((t, d) =>
        {
            seen = (CommandPalette)d;
            t.Type("grops");
            t.App.InjectKey(Key.Enter);
            t.App.Invoke(() => ((Dialog)d).RequestStop());
        });
        tui.Press(Colon);

        seen!.Error.Should().Contain("grops");
        tui.Shell.Current.Should().BeOfType<DashboardScreen>();

        tui.ThenInDialogs((t, _) =>
        {
            t.Type("q");
            t.App.InjectKey(Key.Enter);
        });
        tui.Press(Colon);
        tui.Shell.QuitRequested.Should().BeTrue();
    }

    [Fact]
    public void Palette_UnknownGroupCode_ShowsANotice_AndStaysPut()
    {
        using var tui = new TuiHarness();
        tui.ThenInDialogs(
            (t, _) =>
            {
                t.Type("group G-9999");
                t.App.InjectKey(Key.Enter);
            },
            (t, _) => t.App.InjectKey(Key.Enter));
        tui.Press(Colon);

        tui.Shell.LastNotice.Should().Contain("G-9999");
        tui.Shell.Current.Should().BeOfType<DashboardScreen>();
    }

    [Fact]
    public void LangEn_GroupScreensSpeakEnglish()
    {
        using var tui = new TuiHarness(100, 30, lang: "en");
        OpenGroups(tui);

        tui.Text().Should().Contain("Groups").And.Contain("patient group").And.Contain("kind").And.Contain("Quit");
        tui.Text().Should().NotContain("患者グループ");
    }

    private static GroupsScreen OpenGroups(TuiHarness tui)
    {
        tui.ThenInDialogs((t, _) =>
        {
            t.Type("groups");
            t.App.InjectKey(Key.Enter);
        });
        tui.Press(Colon);
        return tui.Shell.Current.Should().BeOfType<GroupsScreen>().Subject;
    }

    private static string Hiragana(string katakana) => new([.. katakana.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c)]);
}
