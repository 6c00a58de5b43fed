using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// 管理施設の変更. Out: the patient is now another facility's (their group is archived like a
/// discharge). In: the patient comes to us, and a new consent must be on file (a finding until
/// a consent signed on or after <see cref="On"/> is recorded).
/// </summary>
public sealed record RecordTransfer(PatientCode Patient, DateOnly On, bool Incoming) : IOperation<Patient>;

internal sealed class RecordTransferHandler : IHandler<RecordTransfer, Patient>
{
    public Patient Handle(RecordTransfer op, OperationContext ctx)
    {
        var patient = ctx.Patient(op.Patient);
        var updated = op.Incoming
            ? patient with { Status = PatientStatus.Active, TransferredInOn = op.On }
            : patient with { Status = PatientStatus.Transferred };
        ctx.Session.Patients.Upsert(updated);
        ctx.Audit(op.Incoming ? "patients.transfer_in" : "patients.transfer_out", op.Patient.Value, $"on {op.On:yyyy-MM-dd}");
        if (!op.Incoming)
        {
            Discharges.AwaitArchive(ctx.Session, op.Patient, op.On, ctx.Actor);
        }

        return updated;
    }
}
