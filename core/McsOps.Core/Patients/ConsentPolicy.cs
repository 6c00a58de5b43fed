namespace McsOps.Core;

/// <summary>
/// Design §5.6 and §5.2: a patient group with an external member needs the patient's consent on
/// file, not withdrawn, and no member from a facility the patient refused; a patient transferred
/// to us needs a consent signed at or after the transfer.
/// </summary>
public static class ConsentPolicy
{
    public const string NoConsent = "no_consent";
    public const string Withdrawn = "consent_withdrawn";
    public const string FacilityRefused = "facility_refused";
    public const string TransferWithoutConsent = "transfer_without_consent";

    /// <summary>The consent finding of a patient group, or null when it is compliant.</summary>
    public static string? Finding(Patient? patient, IReadOnlyCollection<FacilityCode> externalMemberFacilities)
    {
        ArgumentNullException.ThrowIfNull(externalMemberFacilities);
        if (patient is null)
        {
            return null;
        }

        if (patient.TransferredInOn is { } transferred && !(patient.Consent?.SignedOn >= transferred))
        {
            return TransferWithoutConsent;
        }

        if (externalMemberFacilities.Count == 0)
        {
            return null;
        }

        return patient.Consent switch
        {
            null => NoConsent,
            { WithdrawnOn: not null } => Withdrawn,
            { RefusedFacilities: var refused } when refused.Any(externalMemberFacilities.Contains) => FacilityRefused,
            _ => null,
        };
    }
}
