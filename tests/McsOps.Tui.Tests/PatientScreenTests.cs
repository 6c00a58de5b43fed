using McsOps.Core;
using McsOps.Tui.Screens;
using Terminal.Gui.Input;

namespace McsOps.Tui.Tests;

/// <summary>患者 and one patient's screen, headless on the demo facility: personal data, and the audit of opening it.</summary>
[Collection("tui")]
public sealed class PatientScreenTests
{
    private static PatientCode P(string code) => PatientCode.Parse(code);

    private static List<AuditEntry> AuditSince(TuiHarness tui, long before) => tui.Store.Read(s => s.Audit.All().Skip((int)before).ToList());

    [Fact]
    public void PaletteSlashPatients_ListsNamesAndKana_AlignedAt80x24_WithoutAuditing()
    {
        using var tui = new TuiHarness(80, 24);
        var before = tui.Store.Read(s => s.Audit.Count());
        tui.ThenInDialogs(Steps.Command("patients"));

        tui.Press(new Key(':'));

        var list = tui.Shell.Current.Should().BeOfType<PatientsScreen>().Subject;
        list.Total.Should().Be(60);
        var first = tui.Store.Read(s => s.Patients.Find(P("P-0001")))!;
        tui.Text().Should().Contain("McsOps › ダッシュボード › 患者").And.Contain(first.Name).And.Contain(first.Kana!);
        var header = tui.Find("コード")!.Value;
        var separators = Enumerable.Range(1, 78).Where(x => tui.Cell(x, header.Y) is "│" or "┼").ToList();
        separators.Should().HaveCountGreaterThanOrEqualTo(6);
        foreach (var y in Enumerable.Range(header.Y + 2, 10))
        {
            Enumerable.Range(1, 78).Where(x => tui.Cell(x, y) is "│" or "┼").Should().Equal(separators, $"row {y} lines up with the header");
        }

        AuditSince(tui, before).Should().BeEmpty("the list is where a patient is found; opening one is what is logged");
    }

    [Fact]
    public void OpeningAPatient_IsOneViewEntry_RefreshAndComingBackAddNone_OpeningAgainAddsOne()
    {
        using var tui = new TuiHarness(100, 30);
        var list = tui.Open(new PatientsScreen(tui.Context));
        var patient = list.CurrentRow!.Patient;
        var before = tui.Store.Read(s => s.Audit.Count());

        tui.Press(Key.Enter);

        var detail = tui.Shell.Current.Should().BeOfType<PatientDetailScreen>().Subject;
        tui.Text().Should().Contain($"{patient.Code.Value} {patient.Name} ({patient.Kana})").And.Contain("この画面を開いたことは監査ログに記録されています");
        var entry = AuditSince(tui, before).Should().ContainSingle().Which;
        entry.Should().Match<AuditEntry>(e => e.Action == "view" && e.Subject == patient.Code.Value && e.Channel == Channel.Tui);
        entry.Details.Should().NotContain(patient.Name).And.NotContain(patient.Kana!);

        tui.Press(Key.R);
        tui.Press(Key.Enter);
        tui.Shell.Current.Should().BeOfType<GroupDetailScreen>();
        tui.Press(Key.Esc);
        tui.Shell.Current.Should().BeSameAs(detail);
        AuditSince(tui, before).Should().HaveCount(1, "refreshing the open screen and coming back to it is not opening it again");

        tui.Press(Key.Esc);
        tui.Press(Key.Enter);
        AuditSince(tui, before).Select(e => (e.Action, e.Subject)).Should().Equal(("view", patient.Code.Value), ("view", patient.Code.Value));
    }

    [Fact]
    public void PalettePatientCode_OpensTheDetail_AndAuditsIt_AnUnknownCodeIsSaidAndAuditsNothing()
    {
        using var tui = new TuiHarness(100, 30);
        var before = tui.Store.Read(s => s.Audit.Count());
        tui.ThenInDialogs(Steps.Command("patient ｐ－００２５"));

        tui.Press(new Key(':'));

        tui.Shell.Current.Should().BeOfType<PatientDetailScreen>().Which.Crumb.Should().Be("P-0025");
        tui.Text().Should().Contain("同意書: 未登録").And.Contain("⚠ 他施設のメンバーがいますが同意書がありません");
        AuditSince(tui, before).Should().ContainSingle().Which.Subject.Should().Be("P-0025");

        tui.ThenInDialogs(Steps.Command("patient P-9999"), Steps.Close);
        tui.Press(new Key(':'));
        tui.Shell.LastNotice.Should().Be("P-9999 は登録されていません");
        AuditSince(tui, before).Should().ContainSingle();
    }

    [Fact]
    public void NewPatientWithConsent_IsOneForm_AndOneChange()
    {
        using var tui = new TuiHarness(100, 30);
        var list = tui.Open(new PatientsScreen(tui.Context));
        var before = tui.Store.Read(s => s.Audit.Count());
        tui.ThenInDialogs(
            Steps.Fill(("code", "P-0200"), ("name", "新田 和夫"), ("kana", "ニッタ カズオ"), ("attending", "S-0002"), ("form", "様式2"), ("signedon", "2026-11-25"), ("signedby", "家族"), ("refused", "F-0006")),
            Steps.Yes);

        tui.Press(Key.N);

        var p = tui.Store.Read(s => s.Patients.Find(P("P-0200")))!;
        p.Should().Match<Patient>(x => x.Name == "新田 和夫" && x.AttendingStaff == StaffCode.Parse("S-0002") && x.Status == PatientStatus.Active);
        p.Consent.Should().BeEquivalentTo(new Consent
        {
            Form = ConsentForm.Template2,
            SignedOn = new DateOnly(2026, 11, 25),
            SignedBy = ConsentSigner.Family,
            RefusedFacilities = [FacilityCode.Parse("F-0006")],
        });
        AuditSince(tui, before).Should().ContainSingle().Which.Action.Should().Be("patients.create");
        list.FilterText.Should().Be("P-0200");
        tui.Text().Should().Contain("新田 和夫").And.Contain("あり");
    }

    [Fact]
    public void RecordConsent_PartialRefusalOfAnUnknownFacility_IsRefusedInTheForm()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new PatientDetailScreen(tui.Context, P("P-0025")));
        string? error = null;
        string? kept = null;

        // The form reads fine, so it asks first; then the operation refuses, and the form shows why and keeps what was typed.
        tui.ThenInDialogs(Steps.FillExpectingError(f => (error, kept) = (f.Error, f.Value("refused")), ("form", "様式1"), ("refused", "f-0999")), Steps.Yes);

        tui.Press(Key.C);

        tui.PendingSteps.Should().Be(0);
        error.Should().Be("F-0999 は登録されていません");
        kept.Should().Be("f-0999");
        tui.Store.Read(s => s.Patients.Find(P("P-0025")))!.Consent.Should().BeNull();
    }

    [Fact]
    public void TransferIn_ShowsTheConsentFindingTheOperationMakes()
    {
        using var tui = new TuiHarness(100, 30);
        tui.Open(new PatientDetailScreen(tui.Context, P("P-0001")));
        tui.Text().Should().NotContain("⚠");
        tui.ThenInDialogs(Steps.Fill(("on", "2026-11-26")), Steps.Yes, Steps.Close);

        tui.Press(Key.I.WithShift);

        tui.Shell.LastNotice.Should().Be("転入を記録しました。転入後の同意書がありません: 転入日以降に署名された同意書を c で記録してください");
        tui.Text().Should().Contain("転入日 (管理施設の変更) 2026/11/26").And.Contain("⚠ 転入後の同意書がありません");
        tui.Context.DueNow().Should().Contain(f => f.Category == DueCategory.Consent && f.Kind == ConsentPolicy.TransferWithoutConsent && f.Subject == "G-0001");

        tui.ThenInDialogs(Steps.Fill(("form", "template1"), ("signedon", "2026-11-26"), ("signedby", "patient")), Steps.Yes);
        tui.Press(Key.C);

        tui.Text().Should().NotContain("⚠");
        tui.Context.DueNow().Should().NotContain(f => f.Category == DueCategory.Consent && f.Subject == "G-0001");
    }

    [Fact]
    public void Discharge_PutsTheGroupInArchivePending()
    {
        using var tui = new TuiHarness(100, 30);
        var detail = tui.Open(new PatientDetailScreen(tui.Context, P("P-0003")));
        tui.ThenInDialogs(Steps.Fill(("on", "2026-11-26"), ("reason", "入院")), Steps.Yes);

        tui.Press(Key.D);

        tui.Store.Read(s => s.Patients.Find(P("P-0003")))!.Status.Should().Be(PatientStatus.Discharged);
        detail.Shown.Should().ContainSingle().Which.Group.Status.Should().Be(GroupStatus.ArchivePending);
        tui.Text().Should().Contain("終了日 2026/11/26  終了理由 入院").And.Contain("保管待ち");
    }
}
