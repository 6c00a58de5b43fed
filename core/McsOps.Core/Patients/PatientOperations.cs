using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Adds or edits a facility.</summary>
public sealed record SaveFacility(Facility Facility) : IOperation<Facility>;

/// <summary>Adds or edits a patient (with consent: a new patient and their consent are one change). A status change goes through its own operation.</summary>
public sealed record SavePatient(Patient Patient) : IOperation<Patient>;

internal sealed class SaveFacilityHandler : IHandler<SaveFacility, Facility>
{
    public Facility Handle(SaveFacility op, OperationContext ctx)
    {
        var home = ctx.Session.Facilities.All().FirstOrDefault(f => f.IsHome);
        if (op.Facility.IsHome && home is not null && home.Code != op.Facility.Code)
        {
            throw OperationContext.Rejected("csv.secondhome", home.Code.Value);
        }

        if (!op.Facility.IsHome && (home is null || home.Code == op.Facility.Code))
        {
            throw OperationContext.Rejected("csv.nohome");
        }

        var existing = ctx.Session.Facilities.Find(op.Facility.Code);
        ctx.Session.Facilities.Upsert(op.Facility);
        ctx.Audit(existing is null ? "facilities.create" : "facilities.update", op.Facility.Code.Value);
        return op.Facility;
    }
}

internal sealed class SavePatientHandler : IHandler<SavePatient, Patient>
{
    public Patient Handle(SavePatient op, OperationContext ctx)
    {
        var p = op.Patient;
        var existing = ctx.Session.Patients.Find(p.Code);
        if (existing is not null && existing.Status != p.Status)
        {
            throw OperationContext.Rejected("op.patient.useoperation");
        }

        if (p.AttendingStaff is { } a)
        {
            _ = ctx.Staff(a);
        }

        foreach (var f in p.Consent?.RefusedFacilities ?? [])
        {
            _ = ctx.Session.Facilities.Find(f) ?? throw OperationContext.Rejected("op.unknown", f.Value);
        }

        ctx.Session.Patients.Upsert(p);
        ctx.Audit(existing is null ? "patients.create" : "patients.update", p.Code.Value,
            existing is null && p.Consent is { } c ? $"consent {Tokens.Format(c.Form)}; signed {c.SignedOn:yyyy-MM-dd}; refused {string.Join(";", c.RefusedFacilities.Select(f => f.Value))}" : "");
        return p;
    }
}
