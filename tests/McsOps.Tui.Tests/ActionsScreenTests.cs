using McsOps.Core;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace McsOps.Tui.Tests;

/// <summary>
/// MCSでの作業 on the demo facility: four open actions, earliest due first — suspend S-0011 (lost
/// device), archive G-0012 and G-0037 (discharged patients), remove S-0059 from G-0001 (the review).
/// </summary>
[Collection("tui")]
public sealed class ActionsScreenTests
{
    [Fact]
    public void Actions_FromThePalette_ListsTheOpenActionsInJapanese_OverdueInRed_AndFilters()
    {
        using var tui = new TuiHarness(100, 30);

        tui.Palette("actions");

        var screen = tui.Shell.Current.Should().BeOfType<ActionsScreen>().Subject;
        var open = tui.Store.Read(s => s.Actions.Open());
        screen.Shown.Select(r => r.Action.Key).Should().BeEquivalentTo(open.Select(a => a.Key));
        screen.Shown.Select(r => r.Action.DueOn).Should().BeInAscendingOrder();
        tui.Text().Should().Contain("MCSでの作業").And.Contain("利用停止").And.Contain("グループの保管").And.Contain("メンバー解除")
            .And.Contain("S-0059").And.Contain("藤田 陽菜").And.Contain("管理者").And.Contain("担当終了 (ケア終了のため)");
        var second = tui.Find(TuiContext.D(screen.Shown[1].Action.DueOn), last: true)!.Value;
        screen.Shown[1].Action.DueOn.Should().BeBefore(tui.Context.Today);
        tui.AttributeAt(second.X, second.Y)!.Value.Foreground.Should().Be(new Color(ColorName16.BrightRed));

        tui.Type("/保管");

        screen.Shown.Should().HaveCount(2).And.OnlyContain(r => r.Action.Kind == McsActionKind.ArchiveGroup);
    }

    [Fact]
    public void KeyM_MarksTheActionUnderTheCursorDone_WithTheEvidence_OneAuditEntry_AndHShowsItDone()
    {
        using var tui = new TuiHarness(100, 30);
        var screen = new ActionsScreen(tui.Context);
        tui.Shell.Push(screen);
        var action = screen.CurrentRow!.Action;
        action.Kind.Should().Be(McsActionKind.SuspendStaff);
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("evidence", "MCSで利用停止にした");

        tui.Press(Key.M);

        question().Should().Be($"「利用停止」{action.Subject} を完了にします。よろしいですか？");
        var done = tui.Store.Read(s => s.Actions.Find(action.Key))!;
        done.IsOpen.Should().BeFalse();
        done.Note.Should().Be("MCSで利用停止にした");
        done.DoneBy.Should().Be(tui.Context.Client.Actor.Id);
        tui.AuditAfter(before).Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Action == "actions.done" && e.Subject == action.Subject);
        screen.Shown.Should().NotContain(r => r.Action.Key == action.Key);

        tui.Press(Key.H);

        screen.IncludeDone.Should().BeTrue();
        screen.Shown.Should().Contain(r => r.Action.Key == action.Key);
        tui.MoveTo(screen, r => r.Action.Key == action.Key);

        tui.Text().Should().Contain("完了日時").And.Contain($"{action.Key}  完了 2026/11/26 10:00 {done.DoneBy}  証跡: MCSで利用停止にした");
    }

    [Fact]
    public void Enter_WithoutEvidence_ShowsTheErrorInTheForm_KeepsTheText_AndWritesNothing()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new ActionsScreen(tui.Context));
        var changes = tui.Store.ChangeCounter;
        var refused = tui.ThenRefusedForm("evidence", "   ", confirmed: false);

        tui.Press(Key.Enter);

        refused().Should().Be(("証跡 を入力してください", "   "));
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    [Fact]
    public void ShiftM_MarksEverySelectedActionDone_AfterOneConfirmation_OneAuditEntryPerAction()
    {
        using var tui = new TuiHarness(100, 30);
        var screen = new ActionsScreen(tui.Context);
        tui.Shell.Push(screen);
        tui.Press(Key.J);
        tui.Press(Key.Space);
        tui.Press(Key.Space);
        var selected = screen.Marked.Select(r => r.Action.Key).ToList();
        selected.Should().HaveCount(2);
        tui.Text().Should().Contain("選択 2 件");
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("evidence", "2026/11/26 MCSで保管庫へ移した");

        tui.Press(Key.M.WithShift);

        tui.DialogScreens.Should().HaveCount(2, "one form and one confirmation for both");
        question().Should().StartWith("選択した 2 件の作業を同じ証跡で完了にします");
        tui.Store.Read(s => selected.Select(k => s.Actions.Find(k)!).ToList())
            .Should().OnlyContain(a => !a.IsOpen && a.Note == "2026/11/26 MCSで保管庫へ移した");
        tui.AuditAfter(before).Where(e => e.Action == "actions.done").Select(e => e.Details.Split(';')[0])
            .Should().BeEquivalentTo(selected, "each action is its own change with its own audit entry");
        screen.Marked.Should().BeEmpty();
    }

    [Fact]
    public void ShiftM_WithNothingSelected_SaysHowToSelect()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new ActionsScreen(tui.Context));
        var changes = tui.Store.ChangeCounter;

        tui.ThenInDialogs(Steps.Close);
        tui.Press(Key.M.WithShift);

        tui.Shell.LastNotice.Should().Be("Space で作業を選択してから M を押してください");
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    [Fact]
    public void Help_ListsEveryKey_EnterMarksDone()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Shell.Push(new ActionsScreen(tui.Context));
        tui.ThenInDialogs((t, _) => t.App.InjectKey(Key.Esc));

        tui.Press(new Key('?'));

        var help = tui.DialogScreens[^1];
        foreach (var line in new[] { "カーソルの作業を完了にする (証跡を入力)", "選択した作業をまとめて完了にする", "完了済みの作業も表示する / 隠す", "行を選択する / 選択を外す" })
        {
            help.Should().Contain(line);
        }

        tui.Shell.KeysHelp.Should().ContainSingle(k => k.Keys == "Enter").Which.What.Should().Be("カーソルの作業を完了にする (証跡を入力)");
    }

    [Fact]
    public void Auditor_CannotMarkAnActionDone()
    {
        using var tui = new TuiHarness(auditor: true);
        tui.Shell.Push(new ActionsScreen(tui.Context));
        tui.Draw();
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.M);

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.Store.ChangeCounter.Should().Be(changes);
        tui.Text().Should().Contain("履歴").And.NotContain("選択分を完了", "the status bar hides what the auditor cannot do");
    }
}
