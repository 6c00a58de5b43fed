using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// 在宅医療の終了: the patient's group waits to be archived (保管) in MCS, its open review is
/// cancelled (by <see cref="ReviewGuard"/>), and an archive MCS action is due 7 days after the discharge.
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
        Discharges.AwaitArchive(ctx.Session, op.Patient, op.On, ctx.Actor);
        return discharged;
    }
}
