using McsOps.Core.Scheduling;
using McsOps.Core.Storage;

namespace McsOps.Core.Application;

/// <summary>What a handler runs with: the transaction, who asked, the policies and the time.</summary>
public sealed record OperationContext(IStoreSession Session, Actor Actor, PolicySettings Policy, DateTimeOffset Now)
{
    public DateOnly Today => Policy.Clock.DateOf(Now);

    public void Audit(string action, string subject, string details = "") => Session.Audit.Append(Actor, action, subject, details);

    /// <summary>A failure the caller can fix: exit code 3 (the data rejects it) and a message key.</summary>
    public static OpsException Rejected(string key, params object?[] args) => new(ExitCode.InputRejected, key, args);

    public Staff Staff(StaffCode code) => Session.Staff.Find(code) ?? throw Rejected("op.unknown", code.Value);

    public Group Group(GroupCode code) => Session.Groups.Find(code) ?? throw Rejected("op.unknown", code.Value);

    public Patient Patient(PatientCode code) => Session.Patients.Find(code) ?? throw Rejected("op.unknown", code.Value);

    public Device Device(AssetTag tag) => Session.Devices.Find(tag) ?? throw Rejected("op.unknown", tag.Value);
}
