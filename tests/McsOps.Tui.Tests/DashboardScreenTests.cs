using McsOps.Core;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace McsOps.Tui.Tests;

/// <summary>The dashboard headless on the demo facility (山田クリニック), at 80×24 unless said.</summary>
[Collection("tui")]
public sealed class DashboardScreenTests
{
    [Fact]
    public void Dashboard_Demo_ShowsCountsBySeverityPerCategoryInJapanese()
    {
        using var tui = new TuiHarness();
        var findings = tui.Context.DueNow();
        var text = tui.Text();

        findings.Should().Contain(f => f.Severity == Severity.Overdue).And.Contain(f => f.Severity == Severity.Upcoming);
        text.Should().Contain("ダッシュボード").And.Contain("期限切れ").And.Contain("本日期限").And.Contain("近日期限");
        text.Should().Contain(Text.Get(Lang.Ja, "due.total", findings.Count,
            findings.Count(f => f.Severity == Severity.Overdue), findings.Count(f => f.Severity == Severity.Due), findings.Count(f => f.Severity == Severity.Upcoming)));
        var summary = tui.Lines().Take(tui.Find("対象")!.Value.Y).ToList();
        foreach (var group in findings.GroupBy(f => f.Category))
        {
            var label = Text.Get(Lang.Ja, "category." + Tokens.Format(group.Key));
            var line = summary.Single(l => l.Contains("│" + label + " ", StringComparison.Ordinal));
            var numbers = line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3).Select(int.Parse).ToArray();
            numbers.Should().Equal(
                [group.Count(f => f.Severity == Severity.Overdue), group.Count(f => f.Severity == Severity.Due), group.Count(f => f.Severity == Severity.Upcoming)],
                label);
        }
    }

    [Fact]
    public void Dashboard_ShowsWhenTheNextScheduledReviewsOpen()
    {
        using var tui = new TuiHarness(100, 30);

        tui.Text().Should().Contain("次回の定期精査 2027/01/01 09:00", "quarterly at 09:00 Tokyo, after 2026-11-26");
    }

    [Fact]
    public void Dashboard_ShowsTheLastBackup_AndSaysWhenItFailed()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Text().Should().Contain("バックアップ: まだありません");

        tui.Store.Write(s =>
        {
            s.Backups.Add(new BackupRecord(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), "mcsops-20261125T170000Z.db", true, "ab", 10, 1, null));
            s.Backups.Add(new BackupRecord(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), "mcsops-20261126T170000Z.db", false, null, 0, 0, "disk full"));
            return 0;
        });
        tui.Press(Key.R);

        tui.Text().Should().Contain("最終バックアップ: 2026/11/27 02:00 失敗", "the facility's clock, and the last run failed")
            .And.NotContain("disk full", "the reason is in the log and on the due list");
    }

    [Fact]
    public void Dashboard_At80x24_TableColumnsStayAlignedWithKanji()
    {
        using var tui = new TuiHarness(80, 24);
        var header = tui.Find("対象")!.Value;
        var rows = Enumerable.Range(header.Y + 2, 24 - header.Y - 4).Where(y => tui.Cell(header.X, y) is "S" or "G" or "D").ToList();

        rows.Should().HaveCountGreaterThan(3, "the table shows findings under its header");
        var separators = Separators(tui, header.Y);
        separators.Should().HaveCountGreaterThanOrEqualTo(4);
        foreach (var y in rows)
        {
            Separators(tui, y).Should().Equal(separators, $"row {y} lines up with the header");
            tui.Lines()[y].Should().MatchRegex("[一-龥ァ-ヶ]", "the category column holds kanji or kana");
        }

        tui.Lines().Should().OnlyContain(l => l.Length <= 80);
    }

    [Fact]
    public void Dashboard_OverdueCellsAreRed_AndNoPatientNameIsShown()
    {
        using var tui = new TuiHarness(100, 30);
        var overdue = tui.Find("│期限切れ│", last: true)!.Value;
        overdue.Y.Should().BeGreaterThan(tui.Find("│期限切れ│")!.Value.Y, "a row other than the selected one");

        tui.AttributeAt(overdue.X + 1, overdue.Y)!.Value.Foreground.Should().Be(new Color(ColorName16.BrightRed));
        var names = tui.Store.Read(s => s.Patients.All().Select(p => p.Name).ToList());
        names.Should().NotBeEmpty();
        var text = tui.Text();
        names.Should().NotContain(n => text.Contains(n, StringComparison.Ordinal));
    }

    [Fact]
    public void Esc_OnTheDashboard_DoesNotQuit()
    {
        using var tui = new TuiHarness();

        tui.Press(Key.Esc);
        tui.Press(Key.Esc);

        tui.Shell.QuitRequested.Should().BeFalse();
        tui.Shell.StopRequested.Should().BeFalse();
        tui.App.TopRunnable.Should().BeSameAs(tui.Shell);
        tui.Text().Should().Contain("ダッシュボード");
    }

    [Theory]
    [InlineData("q")]
    [InlineData("ctrl+q")]
    public void QuitKey_OnTheDashboard_StopsTheProgram(string key)
    {
        using var tui = new TuiHarness();

        tui.Press(key == "q" ? Key.Q : Key.Q.WithCtrl);

        tui.Shell.QuitRequested.Should().BeTrue();
        tui.Shell.StopRequested.Should().BeTrue();
    }

    [Fact]
    public void JAndK_MoveTheCursor_AndRefreshKeepsIt()
    {
        using var tui = new TuiHarness();
        tui.Dashboard.SelectedRow.Should().Be(0);

        tui.Press(Key.J);
        tui.Press(Key.J);
        tui.Press(Key.CursorDown);
        tui.Press(Key.K);
        tui.Dashboard.SelectedRow.Should().Be(2);

        tui.Press(Key.R);
        tui.Dashboard.SelectedRow.Should().Be(2);
        tui.Shell.QuitRequested.Should().BeFalse();
    }

    [Fact]
    public void QuestionMark_OpensHelpListingEveryKey_AndEscClosesItOnly()
    {
        using var tui = new TuiHarness();
        string? help = null;
        var iterations = 0;
        tui.App.Iteration += (_, _) =>
        {
            if (tui.App.TopRunnable is HelpDialog dialog)
            {
                if (help is null)
                {
                    tui.Draw();
                    help = tui.Text();
                    tui.App.InjectKey(Key.Esc);
                }
                else if (++iterations > 1000)
                {
                    dialog.RequestStop();
                }
            }
        };

        tui.Press(new Key('?'));

        help.Should().NotBeNull("the help dialog was shown");
        foreach (var k in tui.Shell.KeysHelp)
        {
            help.Should().Contain(k.Keys).And.Contain(k.What);
        }

        tui.App.TopRunnable.Should().BeSameAs(tui.Shell);
        tui.Shell.StopRequested.Should().BeFalse();
    }

    [Fact]
    public void Failure_IsShownInADialog_AndTheDashboardKeepsRunning()
    {
        using var tui = new TuiHarness();
        string? shown = null;
        tui.App.Iteration += (_, _) =>
        {
            if (shown is null && tui.App.TopRunnable is Dialog)
            {
                tui.Draw();
                shown = tui.Text();
                tui.App.InjectKey(Key.Esc);
            }
        };

        var resume = TuiApp.ShowError(tui.App, tui.Context, new InvalidOperationException("disk on fire"));

        resume.Should().BeTrue();
        shown.Should().Contain("エラー").And.Contain("InvalidOperationException: disk on").And.Contain("画面はそのまま使えます");
        tui.App.TopRunnable.Should().BeSameAs(tui.Shell);
    }

    [Fact]
    public void LangEn_ShowsEnglishLabels()
    {
        using var tui = new TuiHarness(lang: "en");
        var text = tui.Text();

        text.Should().Contain("Dashboard").And.Contain("overdue").And.Contain("upcoming").And.Contain("Quit").And.Contain("Help");
        text.Should().NotContain("ダッシュボード").And.NotContain("期限切れ");
    }

    private static List<int> Separators(TuiHarness tui, int y) =>
        Enumerable.Range(1, 78).Where(x => tui.Cell(x, y) is "│" or "┼").ToList();
}
