using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// One line of the patient list. The patient's name and kana are personal data: this list is for
/// the TUI's eyes only (the admin finds a patient by the name they go by); nothing else prints it.
/// </summary>
public sealed record PatientRow(Patient Patient, string? AttendingName, GroupCode? Group);

/// <summary>Every patient, in code order.</summary>
public sealed record ListPatients : IQuery<IReadOnlyList<PatientRow>>;

/// <summary>One of the patient's groups as the patient screen lists it.</summary>
public sealed record PatientGroupRow(Group Group, Staff? Owner, int ActiveMembers, DateOnly? OpenReviewDue, string? ConsentFinding);

/// <summary>
/// Everything the patient screen shows about one patient: the record (name, kana, status, discharge,
/// transfer, consent), the attending staff member, the facilities the patient refused, their groups,
/// and the consent finding the policy makes of it (null when compliant).
/// </summary>
public sealed record PatientDetail(
    Patient Patient,
    Staff? Attending,
    IReadOnlyList<Facility> RefusedFacilities,
    IReadOnlyList<PatientGroupRow> Groups,
    string? ConsentFinding);

/// <summary>
/// Reads again a patient detail that the caller opened with <see cref="ViewPatient"/> (the screen's
/// refresh after a change, or on returning to it): not audited, because the opening was. A front end
/// shows a patient it has not opened only through <see cref="ViewPatient"/>.
/// </summary>
public sealed record GetPatientDetail(PatientCode Patient) : IQuery<PatientDetail>;

internal sealed class ListPatientsHandler : IHandler<ListPatients, IReadOnlyList<PatientRow>>
{
    public IReadOnlyList<PatientRow> Handle(ListPatients op, OperationContext ctx)
    {
        var s = ctx.Session;
        var staff = s.Staff.All().ToDictionary(x => x.Code, x => x.Name);

        // A patient's current group: the one not archived, else the latest archived one.
        var groups = s.Groups.All()
            .Where(g => g.Patient is not null)
            .GroupBy(g => g.Patient!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Status == GroupStatus.Archived).ThenByDescending(x => x.Code.Value, StringComparer.Ordinal).First().Code);
        return [.. s.Patients.All()
            .OrderBy(p => p.Code.Value, StringComparer.Ordinal)
            .Select(p => new PatientRow(
                p,
                p.AttendingStaff is { } a ? staff.GetValueOrDefault(a) : null,
                groups.TryGetValue(p.Code, out var g) ? g : null))];
    }
}

internal sealed class GetPatientDetailHandler : IHandler<GetPatientDetail, PatientDetail>
{
    public PatientDetail Handle(GetPatientDetail op, OperationContext ctx) => PatientDetails.Read(ctx, op.Patient);
}

/// <summary>Builds a <see cref="PatientDetail"/>: shared by the audited opening and the refresh.</summary>
internal static class PatientDetails
{
    public static PatientDetail Read(OperationContext ctx, PatientCode code)
    {
        var s = ctx.Session;
        var patient = ctx.Patient(code);
        var groups = s.Groups.ByPatient(code)
            .OrderBy(g => g.Status == GroupStatus.Archived)
            .ThenBy(g => g.Code.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var facts = s.Due.Facts(g.Code);
                return new PatientGroupRow(
                    g,
                    g.Owner is { } o ? s.Staff.Find(o) : null,
                    facts?.ActiveMembers ?? 0,
                    s.Reviews.OpenFor(g.Code)?.DueOn,
                    facts?.ConsentFinding);
            })
            .ToList();
        var refused = (patient.Consent?.RefusedFacilities ?? [])
            .Select(f => s.Facilities.Find(f) ?? new Facility { Code = f, Name = "?", Kind = FacilityKind.Other })
            .ToList();

        // The groups' finding first (it knows the external members); a transfer needs a new consent with or without one.
        var finding = groups.Select(g => g.ConsentFinding).FirstOrDefault(f => f is not null)
            ?? ConsentPolicy.Finding(patient, []);
        return new PatientDetail(
            patient,
            patient.AttendingStaff is { } a ? s.Staff.Find(a) : null,
            refused,
            groups,
            finding);
    }
}
