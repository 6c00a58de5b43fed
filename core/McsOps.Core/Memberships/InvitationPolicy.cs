namespace McsOps.Core;

/// <summary>
/// Design §5.4: an invitation is approvable when the invitee is identity verified, has a profile
/// and a photo, is neither leaving nor departed, and their facility is not refused by the
/// patient's consent. The admin decides; this only says which conditions fail.
/// </summary>
public static class InvitationPolicy
{
    public const string Kind = "approve_invitation";

    public static IReadOnlyList<string> FailedConditions(Staff invitee, Patient? patient)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        var failed = new List<string>();
        if (!invitee.IdentityVerified)
        {
            failed.Add("not_verified");
        }

        if (!invitee.ProfileComplete)
        {
            failed.Add("no_profile");
        }

        if (!invitee.PhotoSet)
        {
            failed.Add("no_photo");
        }

        if (invitee.Status is StaffStatus.Leaving or StaffStatus.Departed)
        {
            failed.Add(Tokens.Format(invitee.Status));
        }

        if (patient?.Consent?.RefusedFacilities.Contains(invitee.Facility) == true)
        {
            failed.Add("facility_refused");
        }

        return failed;
    }
}
