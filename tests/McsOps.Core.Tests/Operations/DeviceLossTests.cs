using McsOps.Core.Tests.Policies;
using static McsOps.Core.Tests.Policies.PolicyWorld;

namespace McsOps.Core.Tests.Operations;

/// <summary>Design §5.8 and §5.3: a lost device is a finding at once, with a password change and a suspension for its holder.</summary>
public sealed class DeviceLossTests : IDisposable
{
    private const string Devices = """
        asset_tag,kind,holder_staff_code,offsite_approved,client_cert,status,lost_on
        D-0001,smartphone,S-0002,true,,in_use,
        """;

    private static readonly DateOnly LostOn = new(2026, 11, 25);

    private readonly PolicyWorld _w = new(Jst(2026, 11, 26, 10));

    public DeviceLossTests()
    {
        _w.Seed();
        _w.Import("devices", Devices);
    }

    public void Dispose() => _w.Dispose();

    private DueFinding? ChangePassword() => _w.Due().SingleOrDefault(f => f is { Category: DueCategory.Password, Kind: PasswordPolicy.ChangeNow });

    [Fact]
    public void MarkDeviceLost_AddsDevicePasswordAndSuspensionFindings()
    {
        _w.Due().Should().NotContain(f => f.Category == DueCategory.Device || f.Kind == PasswordPolicy.ChangeNow || f.Kind == "suspend_staff");

        _w.Run(new MarkDeviceLost(D("D-0001"), LostOn, "電車内で紛失"));

        var due = _w.Due();
        var device = due.Should().ContainSingle(f => f.Category == DueCategory.Device).Which;
        device.Should().Match<DueFinding>(f => f.Kind == "lost_device" && f.Subject == "D-0001" && f.Due == LostOn && f.Severity == Severity.Overdue);
        due.Should().ContainSingle(f => f.Category == DueCategory.Password && f.Kind == PasswordPolicy.ChangeNow)
            .Which.Should().Match<DueFinding>(f => f.Subject == "S-0002" && f.Owner == S("S-0002") && f.Due == LostOn);
        due.Should().ContainSingle(f => f.Category == DueCategory.McsAction && f.Kind == "suspend_staff")
            .Which.Should().Match<DueFinding>(f => f.Subject == "S-0002" && f.Due == LostOn);
    }

    [Fact]
    public void MarkDeviceLost_AddsItsNoteToTheDevicesNotes()
    {
        _w.Run(new SaveDevice(_w.Read(s => s.Devices.Find(D("D-0001")))! with { Note = "ケース付き" }));

        _w.Run(new MarkDeviceLost(D("D-0001"), LostOn, " 電車内で紛失 "));

        _w.Read(s => s.Devices.Find(D("D-0001")))!.Should().Match<Device>(d => d.Note == "ケース付き / 電車内で紛失" && d.Status == DeviceStatus.Lost && d.LostOn == LostOn);
    }

    [Fact]
    public void RecordPasswordChange_BeforeTheLoss_KeepsTheFinding()
    {
        _w.Run(new MarkDeviceLost(D("D-0001"), LostOn, "紛失"));

        _w.Run(new RecordPasswordChange(S("S-0002"), PasswordClass.EightRotating, LostOn.AddDays(-1)));

        ChangePassword().Should().NotBeNull();
    }

    [Fact]
    public void RecordPasswordChange_OnTheLossDate_ClearsThePasswordFinding()
    {
        _w.Run(new MarkDeviceLost(D("D-0001"), LostOn, "紛失"));

        _w.Run(new RecordPasswordChange(S("S-0002"), PasswordClass.EightRotating, LostOn));

        ChangePassword().Should().BeNull();
        _w.Due().Should().Contain(f => f.Category == DueCategory.Device, "the device itself is still lost");
        _w.Due().Should().Contain(f => f.Kind == "suspend_staff", "the suspension is an MCS action until an admin marks it done");
    }

    [Fact]
    public void RecordPasswordChange_InTheFuture_IsRejected() =>
        _w.Rejects(new RecordPasswordChange(S("S-0002"), PasswordClass.EightRotating, new DateOnly(2026, 11, 27))).Code.Should().Be(ExitCode.InputRejected);

    [Fact]
    public void Import_LostDevice_HasTheSameConsequences()
    {
        _w.Import("devices", """
            asset_tag,kind,holder_staff_code,offsite_approved,client_cert,status,lost_on
            D-0001,smartphone,S-0002,true,,lost,2026-11-25
            """);

        var due = _w.Due();
        due.Should().ContainSingle(f => f.Category == DueCategory.Device && f.Kind == "lost_device");
        due.Should().ContainSingle(f => f.Kind == PasswordPolicy.ChangeNow && f.Subject == "S-0002");
        due.Should().ContainSingle(f => f.Kind == "suspend_staff" && f.Subject == "S-0002");
    }

    [Fact]
    public void Sweep_LostDevice_SendsTheHolderAnUrgentPasswordMessage()
    {
        _w.Run(new MarkDeviceLost(D("D-0001"), LostOn, "紛失"));

        _w.Sweep(Jst(2026, 11, 26, 22));

        var m = _w.Messages.Should().ContainSingle(x => x.Kind == "password_change_now").Which;
        m.Recipient.Should().Be(S("S-0002"));
        m.Urgent.Should().BeTrue();
        m.NotBefore.Should().Be(Jst(2026, 11, 26, 22), "urgent messages ignore the quiet hours");
    }

    [Fact]
    public void Due_DeviceOfADepartedHolderNotReturned_IsAFinding()
    {
        _w.Run(new MarkLeaving(S("S-0002"), new DateOnly(2026, 11, 26)));
        foreach (var item in _w.Read(s => s.Checklists.Find(S("S-0002"))!).Items.Where(i => i.Kind != ChecklistItemKind.ReturnDevice))
        {
            _w.Run(new CompleteChecklistItem(S("S-0002"), item.Id, "done"));
        }

        _w.Due().Should().NotContain(f => f.Kind == "not_returned", "the holder has not departed yet");
        _w.Import("staff", """
            staff_code,facility_code,name,kana,profession,email,roles,status,last_day,password_class,password_changed_on
            S-0002,F-0001,佐藤花子,サトウハナコ,nurse,sato@example.jp,,departed,2026-11-26,8rotating,2026/9/30
            """);

        var f = _w.Due().Should().ContainSingle(x => x.Category == DueCategory.Device && x.Kind == "not_returned").Which;
        f.Subject.Should().Be("D-0001");
        f.Due.Should().Be(new DateOnly(2026, 11, 26));
    }
}
