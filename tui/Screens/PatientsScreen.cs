using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// 患者: every patient with name and kana — the one list of personal data in McsOps (the admin finds
/// a patient by the name they go by) — status, attending staff, and whether a consent is on file.
/// Enter opens the patient, which is recorded in the audit log (<see cref="ViewPatient"/>); <c>n</c>
/// adds a patient together with their consent.
/// </summary>
internal sealed class PatientsScreen : TableScreen<PatientRow>
{
    public PatientsScreen(TuiContext context)
        : base(context)
    {
        Bind(Key.N, T("patient.s.new"), T("patient.key.new"), New, changes: true);
    }

    public override string Crumb => T("patients.title");

    public override IReadOnlyList<KeyHelp> MoreHelp =>
    [
        .. base.MoreHelp.Where(k => k.Keys != "Enter"),
        new("Enter", T("patient.key.open")),
    ];

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("patients.h.code"), r => r.Patient.Code.Value, 6),
        new(T("patients.h.name"), r => r.Patient.Name, 10),
        new(T("patients.h.kana"), r => r.Patient.Kana ?? "", 12),
        new(T("patients.h.status"), r => Context.L(r.Patient.Status), Column.WidthOf(Enum.GetValues<PatientStatus>().Select(s => Context.L(s)))),
        new(T("patients.h.attending"), r => r.AttendingName ?? "-", 8),
        new(T("patients.h.consent"), r => ConsentCell(Context, r.Patient.Consent), 4),
        new(T("patients.h.group"), r => r.Group?.Value ?? "-"),
    ];

    protected override IReadOnlyList<PatientRow> Load() => Context.Run(new ListPatients());

    protected override string RowId(PatientRow row) => row.Patient.Code.Value;

    protected override string Search(PatientRow row) => SearchKey.Of(
        row.Patient.Code.Value,
        row.Patient.Name,
        row.Patient.Kana,
        row.AttendingName,
        row.Patient.AttendingStaff?.Value,
        row.Group?.Value,
        Context.L(row.Patient.Status));

    protected override void Open(PatientRow row) => Shell.Push(new PatientDetailScreen(Context, row.Patient.Code));

    /// <summary>あり / なし / 撤回.</summary>
    private static string ConsentCell(TuiContext c, Consent? consent) => consent switch
    {
        null => c.T("patients.consent.no"),
        { WithdrawnOn: not null } => c.T("patients.consent.withdrawn"),
        _ => c.T("patients.consent.yes"),
    };

    /// <summary>
    /// One form, one operation: the patient and their consent are saved together by
    /// <see cref="SavePatient"/>, so a patient never exists without the consent that was typed for them.
    /// </summary>
    private void New()
    {
        PatientCode? added = null;
        Forms.Show(Context, T("patient.new.title"),
            [
                new Field("code", T("patient.f.code")),
                new Field("name", T("patient.f.name")),
                new Field("kana", T("patient.f.kana")),
                new Field("attending", T("patient.f.attending"), "", T("patient.f.attendinghint")),
                new Field("form", T("patient.f.form"), "", Prefill.Choices<ConsentForm>(Context) + "\n" + T("patient.consent.hint")),
                new Field("signedon", T("patient.f.signedon"), Prefill.Date(Context.Today)),
                new Field("signedby", T("patient.f.signedby"), Prefill.Token<ConsentSigner>(Context, ConsentSigner.Patient), Prefill.Choices<ConsentSigner>(Context)),
                new Field("refused", T("patient.f.refused"), "", T("patient.f.refusedhint")),
            ],
            v =>
            {
                var code = v.Code<PatientCode>("code", T("patient.f.code"));
                if (All.Any(r => r.Patient.Code == code))
                {
                    throw new FormInputException(T("patient.new.exists", code.Value));
                }

                var consent = PatientDetailScreen.ReadConsent(v, Context, withdrawn: false);
                var patient = new Patient
                {
                    Code = code,
                    Name = v.Required("name", T("patient.f.name")),
                    Kana = v.Optional("kana"),
                    AttendingStaff = v.OptionalCode<StaffCode>("attending", T("patient.f.attending")),
                    Consent = consent,
                };
                var what = consent is null
                    ? T("patient.new.noconsent")
                    : T("patient.new.withconsent", Context.L(consent.Form), TuiContext.D(consent.SignedOn));
                return (T("patient.new.confirm", code.Value, what), () =>
                {
                    added = Context.Run(new SavePatient(patient)).Code;
                    return added;
                });
            });

        // The new row is shown alone (Esc clears the filter).
        Refresh();
        if (added is { } c)
        {
            FilterText = c.Value;
        }
    }
}
