using System.Text;
using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// One patient's personal data: name and kana, status, discharge, transfer in, the consent on file
/// (form, signer, date, withdrawal, the facilities refused) and the finding the consent policy makes
/// of it, above the patient's groups. The keys record what happened: an edit, a consent, a discharge,
/// a transfer out or in (after a transfer in the screen shows whether a new consent is needed: the
/// operation and the policy decide, not the screen).
/// <para>
/// Opening the screen is audited: the first read is <see cref="ViewPatient"/>, one <c>view</c> entry
/// each time the screen is opened (from the list, the palette, or a link). Reading it again while it
/// stays open (<c>r</c>, after a change made here, on coming back from a group) is
/// <see cref="GetPatientDetail"/> and adds no entry: the same person already has it on screen.
/// </para>
/// </summary>
internal sealed class PatientDetailScreen : TableScreen<PatientGroupRow>
{
    private readonly PatientCode _code;
    private PatientDetail? _detail;
    private bool _opened;

    public PatientDetailScreen(TuiContext context, PatientCode code)
        : base(context)
    {
        _code = code;
        Bind(Key.C, T("patient.s.consent"), T("patient.key.consent"), RecordConsent, changes: true);
        Bind(Key.D, T("patient.s.discharge"), T("patient.key.discharge"), Discharge, changes: true);
        Bind(Key.T.WithShift, T("patient.s.transferout"), T("patient.key.transferout"), () => Transfer(incoming: false), changes: true);
        Bind(Key.I.WithShift, T("patient.s.transferin"), T("patient.key.transferin"), () => Transfer(incoming: true), changes: true);
        Bind(Key.E, T("patient.s.edit"), T("patient.key.edit"), Edit, changes: true);
    }

    public override string Crumb => _code.Value;

    public PatientDetail Detail => _detail ?? throw new InvalidOperationException("not loaded");

    public override IReadOnlyList<KeyHelp> MoreHelp =>
    [
        .. base.MoreHelp.Where(k => k.Keys != "Enter"),
        new("Enter", T("patient.key.opengroup")),
    ];

    /// <summary>The first read opens the patient (audited); later ones re-read what is open (not audited).</summary>
    public override void Refresh()
    {
        _detail = _opened ? Context.Run(new GetPatientDetail(_code)) : Context.Run(new ViewPatient(_code));
        _opened = true;
        base.Refresh();
    }

    /// <summary>The consent typed into a form; null when no form is given (no consent on file).</summary>
    internal static Consent? ReadConsent(FormValues v, TuiContext c, bool withdrawn)
    {
        if (v.OptionalToken<ConsentForm>("form", c.T("patient.f.form")) is not { } form)
        {
            return null;
        }

        return new Consent
        {
            Form = form,
            SignedOn = v.OptionalDate("signedon", c.T("patient.f.signedon")),
            SignedBy = v.OptionalToken<ConsentSigner>("signedby", c.T("patient.f.signedby")),
            RefusedFacilities = v.CodeList<FacilityCode>("refused", c.T("patient.f.refused")),
            WithdrawnOn = withdrawn ? v.OptionalDate("withdrawn", c.T("patient.f.withdrawn")) : null,
        };
    }

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("patient.h.group"), r => r.Group.Code.Value, 6),
        new(T("patient.h.kind"), r => Context.L(r.Group.Kind), 6),
        new(T("patient.h.status"), r => Context.L(r.Group.Status), Column.WidthOf(Enum.GetValues<GroupStatus>().Select(s => Context.L(s)))),
        new(T("patient.h.members"), r => r.ActiveMembers.ToString(System.Globalization.CultureInfo.InvariantCulture), 4),
        new(T("patient.h.review"), r => r.OpenReviewDue is { } due ? T("groups.review.due", TuiContext.D(due)) : "", 6, ReviewSeverity),
        new(T("patient.h.owner"), r => r.Owner?.Name ?? "-", 6),
        new(T("patient.h.finding"), r => r.ConsentFinding is { } f ? T("consent." + f) : ""),
    ];

    protected override IReadOnlyList<PatientGroupRow> Load() => Detail.Groups;

    protected override string HeaderText()
    {
        var d = Detail;
        var p = d.Patient;
        var c = Context;
        var sb = new StringBuilder();
        sb.Append(T("patient.line.who", p.Code.Value, p.Name, p.Kana ?? "", c.L(p.Status), p.AttendingStaff?.Value ?? "-", d.Attending?.Name ?? ""));
        if (p.DischargedOn is not null || p.DischargeReason is not null)
        {
            sb.Append('\n').Append(T("patient.line.discharge", TuiContext.D(p.DischargedOn), p.DischargeReason is { } r ? c.L(r) : "-"));
        }

        if (p.TransferredInOn is { } transferred)
        {
            sb.Append('\n').Append(T("patient.line.transfer", TuiContext.D(transferred)));
        }

        sb.Append('\n').Append(p.Consent is { } consent
            ? T("patient.line.consent",
                c.L(consent.Form),
                TuiContext.D(consent.SignedOn),
                consent.SignedBy is { } by ? c.L(by) : "-",
                TuiContext.D(consent.WithdrawnOn),
                d.RefusedFacilities.Count == 0 ? "-" : string.Join(", ", d.RefusedFacilities.Select(f => $"{f.Code.Value} {f.Name}")))
            : T("patient.line.noconsent"));
        if (d.ConsentFinding is { } finding)
        {
            sb.Append('\n').Append(T("patient.line.finding", T("consent." + finding)));
        }

        sb.Append('\n').Append(T("patient.viewed"));
        return sb.ToString();
    }

    protected override string RowId(PatientGroupRow row) => row.Group.Code.Value;

    protected override string Search(PatientGroupRow row) => SearchKey.Of(
        row.Group.Code.Value, row.Group.McsName, row.Owner?.Name, Context.L(row.Group.Status), Context.L(row.Group.Kind));

    protected override void Open(PatientGroupRow row) => Shell.Push(new GroupDetailScreen(Context, row.Group.Code));

    private Severity? ReviewSeverity(PatientGroupRow row) =>
        row.OpenReviewDue is { } due ? Context.SeverityOf(due) : null;

    private void Edit()
    {
        var p = Detail.Patient;
        Forms.Show(Context, T("patient.edit.title", _code.Value),
            [
                new Field("name", T("patient.f.name"), p.Name),
                new Field("kana", T("patient.f.kana"), p.Kana ?? ""),
                new Field("attending", T("patient.f.attending"), p.AttendingStaff?.Value ?? "", T("patient.f.attendinghint")),
            ],
            v =>
            {
                var edited = p with
                {
                    Name = v.Required("name", T("patient.f.name")),
                    Kana = v.Optional("kana"),
                    AttendingStaff = v.OptionalCode<StaffCode>("attending", T("patient.f.attending")),
                };
                return (T("patient.edit.confirm", _code.Value), () => Context.Run(new SavePatient(edited)));
            });
        Refresh();
    }

    /// <summary>Records a consent, a partial refusal (the facilities refused) or a withdrawal; an empty form means none on file.</summary>
    private void RecordConsent()
    {
        var consent = Detail.Patient.Consent;
        Forms.Show(Context, T("patient.consent.title", _code.Value),
            [
                new Field("form", T("patient.f.form"), Prefill.Token(Context, consent?.Form), Prefill.Choices<ConsentForm>(Context) + "\n" + T("patient.consent.hint")),
                new Field("signedon", T("patient.f.signedon"), Prefill.Date(consent is null ? Context.Today : consent.SignedOn)),
                new Field("signedby", T("patient.f.signedby"), Prefill.Token(Context, consent is null ? ConsentSigner.Patient : consent.SignedBy), Prefill.Choices<ConsentSigner>(Context)),
                new Field("refused", T("patient.f.refused"), string.Join(";", consent?.RefusedFacilities.Select(f => f.Value) ?? []), T("patient.f.refusedhint")),
                new Field("withdrawn", T("patient.f.withdrawn"), Prefill.Date(consent?.WithdrawnOn)),
            ],
            v =>
            {
                var typed = ReadConsent(v, Context, withdrawn: true);
                var summary = typed is null
                    ? T("patient.consent.none")
                    : T("patient.consent.summary",
                        Context.L(typed.Form),
                        TuiContext.D(typed.SignedOn),
                        TuiContext.D(typed.WithdrawnOn),
                        typed.RefusedFacilities.Count == 0 ? "-" : string.Join(";", typed.RefusedFacilities.Select(f => f.Value)));
                return (T("patient.consent.confirm", _code.Value, summary), () => Context.Run(new RecordConsent(_code, typed)));
            });
        Refresh();
    }

    private void Discharge()
    {
        Forms.Show(Context, T("patient.discharge.title", _code.Value),
            [
                new Field("on", T("field.date"), Prefill.Date(Context.Today)),
                new Field("reason", T("field.dischargereason"), "", Prefill.Choices<DischargeReason>(Context)),
            ],
            v =>
            {
                var on = v.Date("on", T("field.date"));
                var reason = v.Token<DischargeReason>("reason", T("field.dischargereason"));
                return (T("patient.discharge.confirm", _code.Value, TuiContext.D(on), Context.L(reason)),
                    () => Context.Run(new RecordDischarge(_code, on, reason)));
            });
        Refresh();
    }

    private void Transfer(bool incoming)
    {
        var which = incoming ? "transferin" : "transferout";
        var saved = Forms.Show(Context, T($"patient.{which}.title", _code.Value),
            [new Field("on", T("patient.f.date"), Prefill.Date(Context.Today))],
            v =>
            {
                var on = v.Date("on", T("patient.f.date"));
                return (T($"patient.{which}.confirm", _code.Value, TuiContext.D(on)), () => Context.Run(new RecordTransfer(_code, on, incoming)));
            });
        Refresh();
        if (saved && incoming)
        {
            // What the consent policy makes of the transfer, as the due list will show it.
            Shell.Notify(Detail.ConsentFinding is { } finding
                ? T("patient.transferin.finding", T("consent." + finding))
                : T("patient.transferin.ok"));
        }
    }
}
