using McsOps.Core.Storage;

namespace McsOps.Core.Csv.Kinds;

public sealed class PatientCsv : CsvKind<PatientCode, Patient>
{
    public override string Name => "patients";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("patient_code", true),
        new("name", true),
        new("kana"),
        new("attending_staff_code"),
        new("status"),
        new("discharged_on"),
        new("discharge_reason"),
        new("consent_form"),
        new("consent_signed_on"),
        new("consent_signed_by"),
        new("consent_refused_facilities", Type: ColumnType.List),
        new("consent_withdrawn_on"),
        new("transferred_in_on"),
    ];

    protected override Patient Parse(RowReader row)
    {
        var before = row.ErrorCount;
        var status = row.Enum<PatientStatus>("status", PatientStatus.Active);
        var dischargedOn = row.Date("discharged_on");
        var reason = row.OptionalEnum<DischargeReason>("discharge_reason");
        if (row.ErrorCount == before && status == PatientStatus.Discharged)
        {
            if (dischargedOn is null)
            {
                row.Fail("discharged_on", "csv.dischargenodate");
            }

            if (reason is null)
            {
                row.Fail("discharge_reason", "csv.dischargenoreason");
            }
        }

        var form = row.OptionalEnum<ConsentForm>("consent_form");
        var signedOn = row.Date("consent_signed_on");
        var signedBy = row.OptionalEnum<ConsentSigner>("consent_signed_by");
        var refused = row.CodeList<FacilityCode>("consent_refused_facilities");
        var withdrawn = row.Date("consent_withdrawn_on");
        if (form is null && (signedOn is not null || signedBy is not null || refused.Count > 0 || withdrawn is not null))
        {
            row.Fail("consent_form", "csv.consentnoform");
        }

        return new Patient
        {
            Code = row.Code<PatientCode>("patient_code", required: true) ?? default,
            Name = row.Required("name"),
            Kana = row.Optional("kana"),
            AttendingStaff = row.Code<StaffCode>("attending_staff_code"),
            Status = status,
            DischargedOn = dischargedOn,
            DischargeReason = reason,
            Consent = form is { } f
                ? new Consent { Form = f, SignedOn = signedOn, SignedBy = signedBy, RefusedFacilities = refused, WithdrawnOn = withdrawn }
                : null,
            TransferredInOn = row.Date("transferred_in_on"),
        };
    }

    protected override IReadOnlyList<string?> ToRow(Patient p) =>
    [
        p.Code.Value, p.Name, p.Kana, Format.Code(p.AttendingStaff), Format.Enum<PatientStatus>(p.Status),
        Format.Date(p.DischargedOn), Format.Enum(p.DischargeReason), Format.Enum(p.Consent?.Form),
        Format.Date(p.Consent?.SignedOn), Format.Enum(p.Consent?.SignedBy),
        Format.List(p.Consent?.RefusedFacilities ?? []), Format.Date(p.Consent?.WithdrawnOn), Format.Date(p.TransferredInOn),
    ];

    protected override PatientCode KeyOf(Patient p) => p.Code;

    protected override string SubjectOf(Patient p) => p.Code.Value;

    protected override IRepository<PatientCode, Patient> Repository(IStoreSession session) => session.Patients;

    protected override void CheckAll(IReadOnlyList<(int Line, Patient Entity)> rows, ImportContext context, ReportError report)
    {
        foreach (var (line, p) in rows)
        {
            if (p.AttendingStaff is { } staff && !context.Staff.Contains(staff))
            {
                report(line, "attending_staff_code", "csv.unknownref", staff.Value);
            }

            foreach (var f in p.Consent?.RefusedFacilities ?? [])
            {
                if (!context.Facilities.Contains(f))
                {
                    report(line, "consent_refused_facilities", "csv.unknownref", f.Value);
                }
            }
        }
    }

    protected override void AfterWrite(Patient stored, Patient? previous, ImportContext context, Actor actor)
    {
        if (stored is { Status: PatientStatus.Discharged, DischargedOn: { } ended } && context.HasGroups(stored.Code))
        {
            Discharges.AwaitArchive(context.Store, stored.Code, ended, actor);
        }
    }
}
