namespace McsOps.Core;

public enum PatientStatus
{
    [Token("active")] Active,
    [Token("discharged")] Discharged,
    [Token("archived")] Archived,
    [Token("transferred")] Transferred,
}
