namespace McsOps.Core;

public enum DueCategory
{
    [Token("review")] Review,
    [Token("mcs_action")] McsAction,
    [Token("invitation")] Invitation,
    [Token("password")] Password,
    [Token("offboarding")] Offboarding,
    [Token("consent")] Consent,
    [Token("training")] Training,
    [Token("pledge")] Pledge,
    [Token("device")] Device,
    [Token("backup")] Backup,
}
