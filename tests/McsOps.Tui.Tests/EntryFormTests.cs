using McsOps.Core;
using McsOps.Core.Application;
using McsOps.Tui.App;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace McsOps.Tui.Tests;

/// <summary>
/// Every entry form of the staff, patient and device screens, headless on the demo facility: what
/// it records (through the confirmation, in the store and the audit log), a bad input that the form
/// shows while keeping what was typed and writing nothing, and the auditor's refusal.
/// </summary>
[Collection("tui")]
public sealed class EntryFormTests
{
    private static readonly Dictionary<string, ActionCase> Actions = new()
    {
        ["staff n"] = new(Staff, Key.N, [("code", "S-0300"), ("name", "新 一"), ("profession", "事務")], "staff.create",
            s => s.Staff.Find(StaffCode.Parse("S-0300"))!.Profession == Profession.Clerk),
        ["staff e"] = new(Person("S-0012"), Key.E, [("email", "kimura@example.jp"), ("status", "suspended")], "staff.update",
            s => s.Staff.Find(StaffCode.Parse("S-0012")) is { Status: StaffStatus.Suspended, Email: "kimura@example.jp" }),
        ["staff l"] = new(Person("S-0012"), Key.L, [("day", "2026-12-31")], "staff.leaving",
            s => s.Checklists.Find(StaffCode.Parse("S-0012")) is { IsOpen: true }, Notice: true),
        ["staff p"] = new(Person("S-0016"), Key.P, [("class", "2fa"), ("on", "2026-11-26")], "staff.password",
            s => s.Staff.Find(StaffCode.Parse("S-0016"))!.PasswordClass == PasswordClass.TwoFactor),
        ["staff t"] = new(Person("S-0018"), Key.T, [("on", "2026-11-20")], "staff.training",
            s => s.Staff.Find(StaffCode.Parse("S-0018"))!.LastTrainingOn == new DateOnly(2026, 11, 20)),
        ["staff g"] = new(Person("S-0024"), Key.G, [("on", "2026-11-26")], "staff.pledge",
            s => s.Staff.Find(StaffCode.Parse("S-0024"))!.PledgeSignedOn == new DateOnly(2026, 11, 26)),
        ["staff f"] = new(Person("S-0024"), Key.F, [("identity", "はい"), ("profile", "はい"), ("photo", "yes")], "staff.flags",
            s => s.Staff.Find(StaffCode.Parse("S-0024")) is { IdentityVerified: true, ProfileComplete: true, PhotoSet: true }),
        ["staff R"] = new(Person("S-0004"), Key.R.WithShift, [("role", "admin"), ("grant", "取消"), ("reason", "事務長の交代")], "staff.revoke",
            s => s.Staff.Find(StaffCode.Parse("S-0004"))!.Roles == StaffRoles.None),
        ["staff x"] = new(Person("S-0012"), Key.X, [("kind", "不正利用"), ("note", "私用端末での閲覧")], "incident.misuse",
            _ => true),
        ["patients n"] = new(Patients, Key.N, [("code", "P-0300"), ("name", "新田 和夫"), ("form", "")], "patients.create",
            s => s.Patients.Find(PatientCode.Parse("P-0300")) is { Consent: null }),
        ["patient e"] = new(Patient("P-0003"), Key.E, [("kana", "イチカワ アヤコ")], "patients.update",
            s => s.Patients.Find(PatientCode.Parse("P-0003"))!.Kana == "イチカワ アヤコ"),
        ["patient c"] = new(Patient("P-0001"), Key.C, [("withdrawn", "2026-11-26")], "patients.consent",
            s => s.Patients.Find(PatientCode.Parse("P-0001"))!.Consent!.WithdrawnOn == new DateOnly(2026, 11, 26)),
        ["patient d"] = new(Patient("P-0003"), Key.D, [("reason", "死亡")], "patients.discharge",
            s => s.Patients.Find(PatientCode.Parse("P-0003"))!.DischargeReason == DischargeReason.Death),
        ["patient T"] = new(Patient("P-0004"), Key.T.WithShift, [("on", "2026-11-26")], "patients.transfer_out",
            s => s.Patients.Find(PatientCode.Parse("P-0004"))!.Status == PatientStatus.Transferred),
        ["patient I"] = new(Patient("P-0005"), Key.I.WithShift, [("on", "2026-11-26")], "patients.transfer_in",
            s => s.Patients.Find(PatientCode.Parse("P-0005"))!.TransferredInOn == new DateOnly(2026, 11, 26), Notice: true),
        ["devices n"] = new(Devices(null), Key.N, [("tag", "D-0300"), ("kind", "pc")], "devices.create",
            s => s.Devices.Find(AssetTag.Parse("D-0300")) is { Kind: DeviceKind.Pc, Status: DeviceStatus.InUse }),
        ["devices e"] = new(Devices("D-0001"), Key.E, [("note", "充電器付き")], "devices.update",
            s => s.Devices.Find(AssetTag.Parse("D-0001"))!.Note == "充電器付き"),
        ["devices L"] = new(Devices("D-0002"), Key.L.WithShift, [("note", "紛失届提出済み")], "devices.lost",
            s => s.Devices.Find(AssetTag.Parse("D-0002"))!.Status == DeviceStatus.Lost),
        ["devices b"] = new(Devices("D-0002"), Key.B, [("what", "返却")], "devices.returned",
            s => s.Devices.Find(AssetTag.Parse("D-0002"))!.Status == DeviceStatus.Returned),
    };

    private static readonly Dictionary<string, BadCase> BadInputs = new()
    {
        ["staff n"] = new(Staff, Key.N, [("code", "S-0300"), ("name", "新 一"), ("profession", "宇宙飛行士")], "profession", "'宇宙飛行士' は使えません"),
        ["staff e"] = new(Person("S-0012"), Key.E, [("status", "departed")], "status", "退職予定は l"),
        ["staff l"] = new(Person("S-0012"), Key.L, [("day", "12/31")], "day", "2026-11-26 か 2026/11/26"),
        ["staff p"] = new(Person("S-0016"), Key.P, [("class", "10文字")], "class", "'10文字' は使えません"),
        ["staff t"] = new(Person("S-0018"), Key.T, [("on", "")], "on", "日付 を入力してください"),
        ["staff g"] = new(Person("S-0024"), Key.G, [("on", "2026-2-30")], "on", "日付は 2026-11-26"),
        ["staff f"] = new(Person("S-0024"), Key.F, [("identity", "たぶん")], "identity", "はい か いいえ"),
        ["staff R"] = new(Person("S-0012"), Key.R.WithShift, [("grant", "maybe"), ("reason", "副管理者")], "grant", "付与 (grant) か取消 (revoke)"),
        ["staff x"] = new(Person("S-0012"), Key.X, [("kind", "gossip"), ("note", "x")], "kind", "misuse=不正利用"),
        ["patients n"] = new(Patients, Key.N, [("code", "P 0300"), ("name", "新田 和夫")], "code", "'P 0300' は使えません"),
        ["patient e"] = new(Patient("P-0003"), Key.E, [("name", "")], "name", "氏名 を入力してください"),
        ["patient c"] = new(Patient("P-0001"), Key.C, [("signedby", "隣人")], "signedby", "'隣人' は使えません"),
        ["patient d"] = new(Patient("P-0003"), Key.D, [("reason", "元気")], "reason", "'元気' は使えません"),
        ["patient T"] = new(Patient("P-0004"), Key.T.WithShift, [("on", "yesterday")], "on", "日付は 2026-11-26"),
        ["patient I"] = new(Patient("P-0005"), Key.I.WithShift, [("on", "")], "on", "日付 を入力してください"),
        ["devices n"] = new(Devices(null), Key.N, [("tag", "D-0001"), ("kind", "pc")], "tag", "D-0001 は既に登録されています"),
        ["devices e"] = new(Devices("D-0001"), Key.E, [("offsite", "たまに")], "offsite", "はい か いいえ"),
        ["devices L"] = new(Devices("D-0002"), Key.L.WithShift, [("on", "2026-11-26"), ("note", " ")], "on", "状況 を入力してください"),
        ["devices b"] = new(Devices("D-0002"), Key.B, [("what", "lost")], "what", "返却 (returned) か廃棄 (retired)"),
    };

    public static TheoryData<string> ActionNames => [.. Actions.Keys];

    public static TheoryData<string> BadInputNames => [.. BadInputs.Keys];

    [Theory]
    [MemberData(nameof(ActionNames))]
    public void Form_Saved_AsksFirst_ThenChangesTheStore_WithOneAuditEntryOfItsOwn(string name)
    {
        var c = Actions[name];
        using var tui = new TuiHarness(100, 30);
        c.Open(tui, tui.Context);
        var before = tui.Store.Read(s => s.Audit.Count());
        tui.ThenInDialogs([Steps.Fill(c.Values), Steps.Yes, .. c.Notice ? [Steps.Close] : Array.Empty<Action<TuiHarness, View>>()]);

        tui.Press(c.Key);

        tui.PendingSteps.Should().Be(0, "the form, the confirmation{0} were shown", c.Notice ? " and a notice" : "");
        tui.DialogScreens[1].Should().Contain("確認").And.Contain("はい").And.Contain("いいえ");
        tui.Store.Read(c.Stored).Should().BeTrue("the store holds what was typed");
        var added = tui.Store.Read(s => s.Audit.All().Skip((int)before).ToList());
        added.Should().NotBeEmpty();
        added[0].Action.Should().Be(c.Audited, "the operation's own entry comes first; the others are its consequences");
        added.Should().ContainSingle(e => e.Action == c.Audited);
        added.Should().OnlyContain(e => e.Channel == Channel.Tui);
    }

    [Theory]
    [MemberData(nameof(BadInputNames))]
    public void Form_BadInput_IsShownInTheForm_KeepsWhatWasTyped_AndWritesNothing(string name)
    {
        var c = BadInputs[name];
        using var tui = new TuiHarness(100, 30);
        c.Open(tui, tui.Context);
        var before = tui.Store.Read(s => s.Audit.Count());
        string? error = null;
        string? kept = null;
        tui.ThenInDialogs(Steps.FillExpectingError(f => (error, kept) = (f.Error, f.Value(c.Field)), c.Values));

        tui.Press(c.Key);

        tui.PendingSteps.Should().Be(0);
        tui.DialogScreens.Should().ContainSingle("no confirmation is asked for a value that cannot be read");
        error.Should().Contain(c.Error);
        kept.Should().Be(c.Values.Single(v => v.Key == c.Field).Text);
        tui.Store.Read(s => s.Audit.Count()).Should().Be(before);
    }

    [Theory]
    [InlineData("staff", "p")]
    [InlineData("patient", "c")]
    [InlineData("devices", "L")]
    public void Auditor_KeyThatChangesData_IsRefused_AndWritesNothing(string screen, string key)
    {
        using var tui = new TuiHarness(100, 30);
        var auditor = Auditor(tui);
        var (open, press) = (screen, key) switch
        {
            ("staff", _) => (Person("S-0012"), Key.P),
            ("patient", _) => (Patient("P-0001"), Key.C),
            _ => (Devices("D-0001"), Key.L.WithShift),
        };
        open(tui, auditor);
        var before = tui.Store.Read(s => s.Audit.Count());
        tui.ThenInDialogs(Steps.Close);

        tui.Press(press);

        tui.Shell.LastNotice.Should().Be("閲覧専用 (監査責任者) のため変更できません");
        tui.DialogScreens.Should().ContainSingle("the notice, and no form");
        tui.Store.Read(s => s.Audit.Count()).Should().Be(before);
    }

    [Fact]
    public void Auditor_MayOpenAPatient_AndTheOpeningIsRecordedAsTheAuditor()
    {
        using var tui = new TuiHarness(100, 30);
        var before = tui.Store.Read(s => s.Audit.Count());

        Patient("P-0001")(tui, Auditor(tui));

        tui.Text().Should().Contain("P-0001");
        tui.Store.Read(s => s.Audit.All().Skip((int)before).ToList()).Should().ContainSingle()
            .Which.Should().Match<AuditEntry>(e => e.Action == "view" && e.Subject == "P-0001" && e.Actor == "S-0005");
    }

    [Fact]
    public void LangEn_StaffPatientAndDeviceScreens_ShowEnglishLabels()
    {
        using var tui = new TuiHarness(120, 30, lang: "en");

        Staff(tui, tui.Context);
        tui.Text().Should().Contain("McsOps › Dashboard › Staff").And.Contain("profession").And.Contain("password").And.Contain("nurse").And.Contain("MCS admin");
        Person("S-0011")(tui, tui.Context);
        tui.Text().Should().Contain("password change due: 2026/11/22, now (device lost)").And.Contain("chat: Slack linked / Teams not linked").And.Contain("leaving");
        Patients(tui, tui.Context);
        tui.Text().Should().Contain("Patients").And.Contain("attending").And.Contain("consent");
        Patient("P-0025")(tui, tui.Context);
        tui.Text().Should().Contain("consent: none on file").And.Contain("external members but no consent on file").And.Contain("opening this screen was recorded in the audit log");
        Devices(null)(tui, tui.Context);
        var text = tui.Text();
        text.Should().Contain("Devices").And.Contain("asset tag").And.Contain("smartphone").And.Contain("lost").And.Contain("off-site ok");
        text.Should().NotContain("端末管理台帳").And.NotContain("使用中").And.NotContain("持出許可");
    }

    private static void Staff(TuiHarness tui, TuiContext c) => tui.Open(new StaffScreen(c));

    private static void Patients(TuiHarness tui, TuiContext c) => tui.Open(new PatientsScreen(c));

    private static Action<TuiHarness, TuiContext> Person(string code) => (tui, c) => tui.Open(new StaffDetailScreen(c, StaffCode.Parse(code)));

    private static Action<TuiHarness, TuiContext> Patient(string code) => (tui, c) => tui.Open(new PatientDetailScreen(c, PatientCode.Parse(code)));

    private static Action<TuiHarness, TuiContext> Devices(string? tag) => (tui, c) =>
    {
        var devices = tui.Open(new DevicesScreen(c));
        if (tag is not null)
        {
            tui.MoveTo(devices, r => r.Device.Tag.Value == tag);
        }
    };

    /// <summary>The same program as the auditor S-0005 (監査責任者): the client refuses changes.</summary>
    private static TuiContext Auditor(TuiHarness tui) =>
        new(new LocalOpsClient(new Ops(tui.Store, tui.Context.Settings.Policy, tui.Context.Time), new Actor("S-0005", Channel.Tui), readOnly: true),
            tui.Context.Settings, tui.Context.Time) { App = tui.App };

    private sealed record ActionCase(Action<TuiHarness, TuiContext> Open, Key Key, (string Key, string Text)[] Values, string Audited,
        Func<McsOps.Core.Storage.IStoreSession, bool> Stored, bool Notice = false);

    private sealed record BadCase(Action<TuiHarness, TuiContext> Open, Key Key, (string Key, string Text)[] Values, string Field, string Error);
}
