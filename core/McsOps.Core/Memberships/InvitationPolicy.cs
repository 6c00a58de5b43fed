namespace McsOps.Core;

/// <summary>
/// Design §5.4: an invitation is approvable when the invitee is identity verified, has a profile
/// and a photo, is neither leaving nor departed, and their facility is not refused by the
/// patient's consent. The admin decides; this only says which conditions hold and which fail.
/// </summary>
public static class InvitationPolicy
{
    public const string Kind = "approve_invitation";

    /// <summary>Every condition, in the order above, each met or with its failure.</summary>
    public static IReadOnlyList<InvitationCondition> Conditions(Staff invitee, Patient? patient)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        return
        [
            new("identity_verified", invitee.IdentityVerified ? null : "not_verified"),
            new("profile", invitee.ProfileComplete ? null : "no_profile"),
            new("photo", invitee.PhotoSet ? null : "no_photo"),
            new("staying", invitee.Status is StaffStatus.Leaving or StaffStatus.Departed ? Tokens.Format(invitee.Status) : null),
            new("facility_accepted", patient?.Consent?.RefusedFacilities.Contains(invitee.Facility) == true ? "facility_refused" : null),
        ];
    }

    /// <summary>The failure tokens of the conditions that fail, in order; empty when all hold.</summary>
    public static IReadOnlyList<string> FailedConditions(Staff invitee, Patient? patient) =>
        [.. Conditions(invitee, patient).Where(c => !c.Met).Select(c => c.Failure!)];
}
