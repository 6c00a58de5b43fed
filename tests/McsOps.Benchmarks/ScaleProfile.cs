namespace McsOps.Benchmarks;

/// <summary>
/// The size of a generated data set. Each scale has its own fixed seed, so a scale always
/// produces the same files.
/// </summary>
public sealed record ScaleProfile(
    string Name,
    int Seed,
    string HomeKind,
    int ExternalFacilities,
    int HomeStaff,
    int ExternalStaff,
    int Patients,
    int FreeGroups,
    int Memberships,
    int Devices)
{
    /// <summary>One clinic: 1 + 20 facilities, 100 + 400 staff, 1,000 patients, about 12,000 memberships.</summary>
    public static ScaleProfile Facility { get; } = new("facility", 20261001, "clinic", 20, 100, 400, 1_000, 12, 12_000, 120);

    /// <summary>A regional network: 300 facilities, 6,000 staff, 25,000 patients, 300,000 memberships.</summary>
    public static ScaleProfile Region { get; } = new("region", 20261002, "hospital", 299, 1_200, 4_800, 25_000, 500, 300_000, 2_000);

    public static IReadOnlyList<ScaleProfile> All { get; } = [Facility, Region];

    public static ScaleProfile? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
