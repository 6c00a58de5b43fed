using McsOps.Core.Csv.Kinds;

namespace McsOps.Core.Csv;

/// <summary>The importable kinds, in the order a facility's files must be imported.</summary>
public static class CsvKinds
{
    public static IReadOnlyList<ICsvKind> All { get; } =
        [new FacilityCsv(), new StaffCsv(), new PatientCsv(), new GroupCsv(), new MembershipCsv(), new DeviceCsv()];

    public static ICsvKind? Find(string name) => All.FirstOrDefault(k => k.Name == name.Trim().ToLowerInvariant());
}
