using McsOps.Core;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace McsOps.Tui.Tests;

/// <summary>監査ログ on the demo facility: read-only, newest first, a window of the newest entries, the chain verified from the screen.</summary>
[Collection("tui")]
public sealed class AuditScreenTests
{
    [Fact]
    public void Audit_FromThePalette_ShowsTheNewestFirst_FiltersAndTellsTheWholeEntry()
    {
        using var tui = new TuiHarness(100, 30);
        var count = tui.AuditCount();

        tui.Palette("audit");

        var screen = tui.Shell.Current.Should().BeOfType<AuditScreen>().Subject;
        screen.Shown.Select(e => e.Sequence).Should().BeInDescendingOrder().And.HaveCount((int)count);
        screen.Shown[0].Sequence.Should().Be(count);
        tui.Text().Should().Contain("監査ログ").And.Contain($"全 {count:N0} 件を表示").And.Contain("2026/11/26 10:00").And.Contain("reviews.decide");

        tui.Type("/remove_member");

        screen.Shown.Should().NotBeEmpty().And.OnlyContain(e => e.Details.Contains("remove_member", StringComparison.Ordinal));
        var entry = screen.CurrentRow!;
        tui.Text().Should().Contain($"#{entry.Sequence}  2026/11/26 10:00  {entry.Actor}  {entry.Action}  {entry.Subject}").And.Contain(entry.Details);
    }

    [Fact]
    public void Audit_OverTheWindow_ShowsTheNewestAndSaysSo_ShiftALoadsThemAll()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Store.Write(s =>
        {
            for (var i = 0; i < AuditScreen.Window; i++)
            {
                s.Audit.Append(Actor.System, "test.fill", "S-0001", $"entry {i}");
            }

            return 0;
        });
        var count = tui.AuditCount();
        var screen = new AuditScreen(tui.Context);
        tui.Shell.Push(screen);
        tui.Draw();

        screen.Shown.Should().HaveCount(AuditScreen.Window);
        screen.Shown[0].Sequence.Should().Be(count);
        tui.Text().Should().Contain($"新しい 5,000 件を表示 (全 {count:N0} 件)。A ですべて読み込みます");

        tui.Press(Key.A.WithShift);

        screen.ShowingAll.Should().BeTrue();
        screen.Shown.Should().HaveCount((int)count);
        screen.Shown[^1].Sequence.Should().Be(1);
        tui.Text().Should().Contain($"全 {count:N0} 件を表示");
    }

    [Fact]
    public void KeyV_ForTheAuditor_VerifiesTheChain_AndWritesNothing()
    {
        using var tui = new TuiHarness(auditor: true);
        tui.Shell.Push(new AuditScreen(tui.Context));
        var count = tui.AuditCount();
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.V);

        tui.Shell.LastNotice.Should().Be($"監査ログの改ざん検証: {count} 件、正常");
        tui.AuditCount().Should().Be(count);
    }

    [Fact]
    public void KeyV_OnATamperedEntry_NamesTheFirstBrokenSequence()
    {
        using var tui = new TuiHarness();
        var audit = tui.Store.Database.GetCollection("audit");
        var doc = audit.FindById(3);
        doc["subject"] = "S-9999";
        audit.Update(doc);
        tui.Shell.Push(new AuditScreen(tui.Context));
        tui.ThenInDialogs(Steps.Close);

        tui.Press(Key.V);

        tui.Shell.LastNotice.Should().Be("監査ログの改ざん検証: 連番 3 で鎖が切れています (2 件目まで正常)");
    }
}
