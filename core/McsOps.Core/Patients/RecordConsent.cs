using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Records the patient's consent (同意書), a partial refusal (一部不同意) or its withdrawal (同意撤回).</summary>
public sealed record RecordConsent(PatientCode Patient, Consent? Consent) : IOperation<Patient>;

internal sealed class RecordConsentHandler : IHandler<RecordConsent, Patient>
{
    public Patient Handle(RecordConsent op, OperationContext ctx)
    {
        var patient = ctx.Patient(op.Patient);
        foreach (var f in op.Consent?.RefusedFacilities ?? [])
        {
            _ = ctx.Session.Facilities.Find(f) ?? throw OperationContext.Rejected("op.unknown", f.Value);
        }

        var updated = patient with { Consent = op.Consent };
        ctx.Session.Patients.Upsert(updated);
        ctx.Audit("patients.consent", op.Patient.Value, op.Consent is null ? "removed"
            : $"{Tokens.Format(op.Consent.Form)}; signed {op.Consent.SignedOn:yyyy-MM-dd}; refused {string.Join(";", op.Consent.RefusedFacilities.Select(f => f.Value))}; withdrawn {op.Consent.WithdrawnOn:yyyy-MM-dd}");
        return updated;
    }
}
