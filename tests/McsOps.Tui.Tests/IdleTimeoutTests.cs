using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Tests;

/// <summary>The idle timeout on virtual time: warning a minute before, then clear, audit and exit.</summary>
[Collection("tui")]
public sealed class IdleTimeoutTests
{
    [Fact]
    public void Idle_WarnsOneMinuteBefore_AKeyStartsAgain_ThenClearsAuditsAndExits()
    {
        using var tui = new TuiHarness();
        var warning = tui.Context.T("tui.idle.warning")[..8];

        tui.Wait(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(59));
        tui.Shell.IdleWarning.Should().BeFalse();
        tui.Wait(TimeSpan.FromSeconds(2));
        tui.Shell.IdleWarning.Should().BeTrue();
        tui.Text().Should().Contain(warning);

        tui.Press(Key.J);
        tui.Shell.IdleWarning.Should().BeFalse("a key starts the count again");
        tui.Wait(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(59));
        tui.Shell.IdleExpired.Should().BeFalse();
        tui.Wait(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2));

        tui.Shell.IdleExpired.Should().BeTrue();
        tui.Shell.QuitRequested.Should().BeTrue();
        tui.Shell.StopRequested.Should().BeTrue();
        tui.Shell.SubViews.Should().BeEmpty("nothing of the data is left to draw");
        tui.Shell.Title.Should().BeEmpty();
        var last = tui.Store.Read(s => s.Audit.Last())!;
        last.Action.Should().Be("session.end");
        last.Details.Should().Be("idle");
        last.Channel.Should().Be(McsOps.Core.Channel.Tui);
    }

    [Fact]
    public void Idle_WhileAFormIsOpen_ClosesItAndExits_WithoutSavingIt()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Shell.Push(new McsOps.Tui.Screens.GroupDetailScreen(tui.Context, McsOps.Core.Code.Parse<McsOps.Core.GroupCode>("G-0004")));
        var changes = tui.Store.ChangeCounter;
        tui.ThenInDialogs((t, _) =>
        {
            t.Wait(TimeSpan.FromMinutes(14.5));
            t.Wait(TimeSpan.FromMinutes(1));
        });

        tui.Press(Key.D);

        tui.Shell.IdleExpired.Should().BeTrue();
        tui.StuckDialogs.Should().Be(0, "the timeout closed the form itself");
        tui.Store.ChangeCounter.Should().Be(changes + 1, "only the session end was written");
    }

    [Fact]
    public void Auditor_IdleEnd_IsAuditedToo()
    {
        using var tui = new TuiHarness(auditor: true);
        tui.Wait(TimeSpan.FromMinutes(14));
        tui.Wait(TimeSpan.FromMinutes(1));

        tui.Shell.IdleExpired.Should().BeTrue();
        tui.Store.Read(s => s.Audit.Last())!.Action.Should().Be("session.end");
    }
}
