using McsOps.Core;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace McsOps.Tui.Tests;

/// <summary>退職・異動時チェックリスト on the demo facility: S-0008 (加藤 智子) leaves on 2026/12/10 with 22 open items.</summary>
[Collection("tui")]
public sealed class OffboardingScreenTests
{
    private static readonly StaffCode Leaver = StaffCode.Parse("S-0008");

    [Fact]
    public void Offboarding_FromThePalette_ListsTheChecklist_EnterOpensItsItems_AndFilter()
    {
        using var tui = new TuiHarness(100, 30);

        tui.Palette("offboarding");

        var list = tui.Shell.Current.Should().BeOfType<OffboardingScreen>().Subject;
        list.Shown.Should().ContainSingle().Which.Checklist.Staff.Should().Be(Leaver);
        tui.Text().Should().Contain("退職・異動時チェックリスト").And.Contain("S-0008").And.Contain("加藤 智子").And.Contain("2026/12/10").And.Contain("22/22").And.Contain("未承認");

        tui.Press(Key.Enter);

        var checklist = tui.Shell.Current.Should().BeOfType<ChecklistScreen>().Subject;
        tui.Shell.Title.Should().Be("McsOps › ダッシュボード › 退職・異動時チェックリスト › S-0008");
        tui.Text().Should().Contain("S-0008 加藤 智子  退職予定  最終出勤日 2026/12/10").And.Contain("未完了 22/22 項目  完了承認: 未承認")
            .And.Contain("担当グループの引継ぎ").And.Contain("MCSアカウントの削除 (本人)").And.Contain("スタッフ解除").And.Contain("管理者");

        tui.Type("/端末");
        checklist.Shown.Should().NotBeEmpty().And.OnlyContain(i => i.Kind == ChecklistItemKind.ReturnDevice);
    }

    [Fact]
    public void Space_TicksTheItemUnderTheCursorWithEvidence_OneAuditEntry_AndTickingItAgainIsRefused()
    {
        using var tui = new TuiHarness(100, 30);
        var screen = new ChecklistScreen(tui.Context, Leaver);
        tui.Shell.Push(screen);
        var item = screen.CurrentRow!;
        var before = tui.AuditCount();
        var question = tui.ThenSaveForm("evidence", "本人がMCSアカウントを削除したことを確認");

        tui.Press(Key.Space);

        question().Should().Be("「MCSアカウントの削除 (本人)」を完了にします。よろしいですか？");
        var done = tui.Store.Read(s => s.Checklists.Find(Leaver))!.Items.Single(i => i.Id == item.Id);
        done.IsDone.Should().BeTrue();
        done.Evidence.Should().Be("本人がMCSアカウントを削除したことを確認");
        done.DoneBy.Should().Be(tui.Context.Client.Actor.Id);
        tui.AuditAfter(before).Should().ContainSingle().Which.Should().Match<AuditEntry>(e => e.Action == "checklists.tick" && e.Subject == "S-0008");
        tui.Text().Should().Contain("未完了 21/22 項目").And.Contain($"{item.Id}  完了 2026/11/26 10:00 {done.DoneBy}  証跡: 本人がMCSアカウントを削除したことを確認");
        screen.CurrentRow!.Id.Should().Be(item.Id, "the cursor stays on the item");

        var changes = tui.Store.ChangeCounter;
        var refused = tui.ThenRefusedForm("evidence", "もう一度", confirmed: true);
        tui.Press(Key.T);

        refused().Should().Be(($"項目 {item.Id} は完了済みです", "もう一度"));
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    [Fact]
    public void ShiftS_WhileItemsAreOpen_ShowsTheOperationsRefusal_AndWritesNothing()
    {
        using var tui = new TuiHarness();
        tui.Shell.Push(new ChecklistScreen(tui.Context, Leaver));
        var changes = tui.Store.ChangeCounter;
        var question = tui.ThenYes();
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.S.WithShift);

        question().Should().StartWith("S-0008 加藤 智子 の退職・異動時チェックリストを完了承認します");
        tui.Shell.LastNotice.Should().StartWith("未完了の項目が 22 件あるため完了承認できません: ");
        tui.Store.ChangeCounter.Should().Be(changes);
    }

    [Fact]
    public void ShiftS_WhenEveryItemIsDone_SignsOff_AndTheLeaverIsDeparted()
    {
        using var tui = new TuiHarness();
        foreach (var item in tui.Store.Read(s => s.Checklists.Find(Leaver))!.Items)
        {
            tui.Context.Run(new CompleteChecklistItem(Leaver, item.Id, "done"));
        }

        tui.Palette("offboarding S-0008");
        tui.Shell.Current.Should().BeOfType<ChecklistScreen>();
        var before = tui.AuditCount();
        tui.ThenYes();

        tui.Press(Key.S.WithShift);

        tui.Store.Read(s => s.Checklists.Find(Leaver))!.SignedOffBy.Should().Be(tui.Context.Client.Actor.Id);
        tui.Store.Read(s => s.Staff.Find(Leaver))!.Status.Should().Be(StaffStatus.Departed);
        tui.AuditAfter(before).Select(e => e.Action).Should().Equal("checklists.signoff", "staff.update");
        tui.Text().Should().Contain("完了承認: 承認済み 2026/11/26 10:00");
    }

    [Fact]
    public void Auditor_CannotTickAnItem()
    {
        using var tui = new TuiHarness(auditor: true);
        tui.Shell.Push(new ChecklistScreen(tui.Context, Leaver));
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.Space);

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.Store.ChangeCounter.Should().Be(changes);
    }
}
