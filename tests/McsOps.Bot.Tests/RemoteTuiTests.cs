using McsOps.Core;
using McsOps.Core.Configuration;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace McsOps.Bot.Tests;

/// <summary>The TUI in remote mode, headless, over the real admin socket of the real service.</summary>
public sealed class RemoteTuiTests : IAsyncLifetime
{
    private readonly string _dir = TestFacility.Create("admin");
    private RunningService _service = null!;

    public async Task InitializeAsync() => _service = await RunningService.StartReadyAsync(_dir);

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        TestFacility.Delete(_dir);
    }

    [Fact]
    public void LiveRefresh_ShowsStaffAddedByAnotherAdmin_AtTheNextFiveSecondTick()
    {
        // Terminal.Gui makes its main loop this thread's synchronization context: nothing here
        // awaits (the loop only runs when the test drives it), and the context is put back after.
        var context0 = SynchronizationContext.Current;
        try
        {
            ShowsAChangeMadeElsewhere();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context0);
        }
    }

    private void ShowsAChangeMadeElsewhere()
    {
        var clock = new VirtualTimeProvider();
        using var app = Application.Create(clock);
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(100, 30);
        using var mine = _service.Connect(Channel.Tui);
        var settings = Settings.Load(Settings.Build(new Dictionary<string, string?> { ["McsOps:DataDirectory"] = _dir, ["McsOps:Language"] = "en" }, etcFile: null));
        var context = new TuiContext(mine, settings, TimeProvider.System) { App = app };
        var staff = new StaffScreen(context);
        using var shell = new Shell(context, staff);
        var session = app.Begin(shell);
        var before = staff.Total;
        var live = shell.Live!;

        using (var other = _service.Connect())
        {
            other.Execute(new SaveStaff(new Staff { Code = StaffCode.Parse("S-0777"), Facility = FacilityCode.Parse("F-0001"), Name = "新人看護師", Profession = Profession.Nurse }));
        }

        SpinWait.SpinUntil(() => live.Latest != live.Shown, TimeSpan.FromSeconds(20)).Should().BeTrue("the long-poll answers as soon as the counter moves");

        staff.Total.Should().Be(before, "nothing is read before the tick");
        clock.Advance(LiveRefresh.Interval);
        app.TimedEvents!.RunTimers();

        staff.Total.Should().Be(before + 1);
        staff.Shown.Should().Contain(r => r.Staff.Code.Value == "S-0777");
        live.Shown.Should().Be(live.Latest);
        app.End(session!);
    }
}
