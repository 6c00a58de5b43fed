using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// 在宅医療の終了: the patient's group waits to be archived (保管) in MCS, its open review is
/// cancelled, and an archive MCS action is due 7 days after the discharge.
/// </summary>
public sealed record RecordDischarge(PatientCode Patient, DateOnly On, DischargeReason Reason) : IOperation<Patient>;

internal sealed class RecordDischargeHandler : IHandler<RecordDischarge, Patient>
{
    public Patient Handle(RecordDischarge op, OperationContext ctx)
    {
        var patient = ctx.Patient(op.Patient);
        if (patient.Status is PatientStatus.Discharged or PatientStatus.Archived)
        {
            throw OperationContext.Rejected("op.patient.notactive", op.Patient.Value, Tokens.Format(patient.Status));
        }

        var discharged = patient with { Status = PatientStatus.Discharged, DischargedOn = op.On, DischargeReason = op.Reason };
        ctx.Session.Patients.Upsert(discharged);
        ctx.Audit("patients.discharge", op.Patient.Value, $"on {op.On:yyyy-MM-dd}; reason {Tokens.Format(op.Reason)}");
        foreach (var group in ctx.Session.Groups.ByPatient(op.Patient))
        {
            if (ctx.Session.Reviews.OpenFor(group.Code) is { } review)
            {
                ctx.Session.Reviews.Upsert(review with { Status = ReviewStatus.Cancelled, ClosedAt = ctx.Now, ClosedBy = ctx.Actor.Id });
                ctx.Audit("reviews.cancel", group.Code.Value, $"discharge of {op.Patient.Value}");
            }
        }

        Discharges.ApplyToGroups(ctx.Session, discharged, ctx.Actor);
        return discharged;
    }
}
