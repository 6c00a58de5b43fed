using McsOps.Core;
using McsOps.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;

namespace McsOps.Tui.Tests;

/// <summary>端末管理台帳, headless on the demo facility.</summary>
[Collection("tui")]
public sealed class DeviceScreenTests
{
    private static AssetTag D(string tag) => AssetTag.Parse(tag);

    [Fact]
    public void DashboardDeviceFinding_Enter_OpensTheRegistryFilteredToItsTag()
    {
        using var tui = new TuiHarness(100, 30);
        var index = tui.Dashboard.Findings.ToList().FindIndex(f => f.Category == DueCategory.Device);
        index.Should().BeGreaterThanOrEqualTo(0, "the demo has a lost device");
        var tag = tui.Dashboard.Findings[index].Subject;
        while (tui.Dashboard.SelectedRow < index)
        {
            tui.Press(Key.J);
        }

        tui.Press(Key.Enter);

        var devices = tui.Shell.Current.Should().BeOfType<DevicesScreen>().Subject;
        devices.FilterText.Should().Be(tag);
        devices.Shown.Should().ContainSingle().Which.Device.Should().Match<Device>(d => d.Tag == D(tag) && d.Status == DeviceStatus.Lost);
        tui.Text().Should().Contain("ダッシュボード › 端末管理台帳").And.Contain("訪問先からの帰りに紛失");
        tui.Press(Key.Esc);
        devices.FilterText.Should().BeEmpty("Esc clears the filter first");
        devices.Shown.Should().HaveCount(devices.Total);
    }

    [Fact]
    public void PaletteDevices_ListsHolderNamesAndNotes_LostInRed()
    {
        using var tui = new TuiHarness(120, 40);
        tui.ThenInDialogs(Steps.Command("devices"));

        tui.Press(new Key(':'));

        var devices = tui.Shell.Current.Should().BeOfType<DevicesScreen>().Subject;
        devices.Total.Should().Be(30);
        var text = tui.Text();
        text.Should().Contain("D-0001").And.Contain("山田 一郎").And.Contain("予備機 (事務室の施錠キャビネット)").And.Contain("持出許可");
        var lost = tui.Find("│紛失  │")!.Value;
        tui.AttributeAt(lost.X + 1, lost.Y)!.Value.Foreground.Should().Be(new Color(ColorName16.BrightRed));
    }

    [Fact]
    public void MarkLost_ThroughTheForm_RecordsTheLossWithItsNote_AndTheHolderOwesASuspension()
    {
        using var tui = new TuiHarness(120, 30);
        var devices = tui.Open(new DevicesScreen(tui.Context));
        tui.MoveTo(devices, r => r.Device.Tag == D("D-0003"));
        string? error = null;
        tui.ThenInDialogs(Steps.FillExpectingError(f => error = f.Error, ("on", "2026-11-25"), ("note", "")));

        tui.Press(Key.L.WithShift);
        error.Should().Be("状況 を入力してください");

        tui.ThenInDialogs(Steps.Fill(("on", "2026-11-25"), ("note", "タクシー車内に置き忘れ")), Steps.Yes);
        tui.Press(Key.L.WithShift);

        var device = tui.Store.Read(s => s.Devices.Find(D("D-0003")))!;
        device.Should().Match<Device>(d => d.Status == DeviceStatus.Lost && d.LostOn == new DateOnly(2026, 11, 25) && d.Note == "タクシー車内に置き忘れ");
        devices.CurrentRow!.Device.Tag.Should().Be(D("D-0003"), "the cursor stays on the row");
        tui.Text().Should().Contain("2026/11/25").And.Contain("タクシー車内に置き忘れ");
        tui.Context.DueNow().Should().Contain(f => f.Category == DueCategory.McsAction && f.Kind == "suspend_staff" && f.Subject == device.Holder!.Value.Value);
    }

    [Fact]
    public void MarkReturned_AndNewDevice_AreRecorded()
    {
        using var tui = new TuiHarness(120, 30);
        var devices = tui.Open(new DevicesScreen(tui.Context));
        tui.MoveTo(devices, r => r.Device.Tag == D("D-0004"));
        tui.ThenInDialogs(Steps.Fill(("what", "廃棄")), Steps.Yes);

        tui.Press(Key.B);

        tui.Store.Read(s => s.Devices.Find(D("D-0004")))!.Status.Should().Be(DeviceStatus.Retired);

        tui.ThenInDialogs(Steps.Fill(("tag", "D-0100"), ("kind", "タブレット"), ("holder", "S-0012"), ("offsite", "はい"), ("note", "訪問用")), Steps.Yes);
        tui.Press(Key.N);

        tui.Store.Read(s => s.Devices.Find(D("D-0100")))!.Should().Match<Device>(d =>
            d.Kind == DeviceKind.Tablet && d.Holder == StaffCode.Parse("S-0012") && d.OffsiteApproved && d.Note == "訪問用" && d.Status == DeviceStatus.InUse);
        devices.FilterText.Should().Be("D-0100");
        tui.Text().Should().Contain("木村 彩").And.Contain("訪問用");
    }

    [Fact]
    public void EnterOnADevice_OpensItsHolder()
    {
        using var tui = new TuiHarness(100, 30);
        var devices = tui.Open(new DevicesScreen(tui.Context));
        tui.MoveTo(devices, r => r.Device.Tag == D("D-0013"));

        tui.Press(Key.Enter);

        tui.Shell.Current.Should().BeOfType<StaffDetailScreen>().Which.Crumb.Should().Be("S-0011");
    }
}
