using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>
/// Opens a patient's personal data (name, kana, consent, groups) and records that it was opened:
/// one audit entry, action <c>view</c>, subject the patient code, never the name (MHLW GL §17 asks
/// for a log of who looked at which patient). The TUI runs it each time a patient screen is opened;
/// refreshing the open screen reads with <see cref="GetPatientDetail"/> and adds no entry.
/// </summary>
public sealed record ViewPatient(PatientCode Patient) : IAuditedRead<PatientDetail>;

internal sealed class ViewPatientHandler : IHandler<ViewPatient, PatientDetail>
{
    public const string Action = "view";

    public PatientDetail Handle(ViewPatient op, OperationContext ctx)
    {
        var detail = PatientDetails.Read(ctx, op.Patient);
        ctx.Audit(Action, op.Patient.Value, "patient detail: name, kana, consent, groups");
        return detail;
    }
}
