namespace McsOps.Core;

/// <summary>同意書 on file: which form, when and by whom, facilities refused (一部不同意), withdrawal.</summary>
public sealed record Consent
{
    public required ConsentForm Form { get; init; }

    public DateOnly? SignedOn { get; init; }

    public ConsentSigner? SignedBy { get; init; }

    public IReadOnlyList<FacilityCode> RefusedFacilities { get; init; } = [];

    public DateOnly? WithdrawnOn { get; init; }
}
