namespace McsOps.Core;

/// <summary>施設: ours (<see cref="IsHome"/>) or one whose professionals join our patient groups.</summary>
public sealed record Facility
{
    public required FacilityCode Code { get; init; }

    public required string Name { get; init; }

    public required FacilityKind Kind { get; init; }

    public bool IsHome { get; init; }
}
