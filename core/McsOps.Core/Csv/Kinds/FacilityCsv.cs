using McsOps.Core.Storage;

namespace McsOps.Core.Csv.Kinds;

public sealed class FacilityCsv : CsvKind<FacilityCode, Facility>
{
    public override string Name => "facilities";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("facility_code", true),
        new("name", true),
        new("kind", true),
        new("is_home", Type: ColumnType.Bool),
    ];

    protected override Facility Parse(RowReader row) => new()
    {
        Code = row.Code<FacilityCode>("facility_code", required: true) ?? default,
        Name = row.Required("name"),
        Kind = row.Enum<FacilityKind>("kind"),
        IsHome = row.Bool("is_home"),
    };

    protected override IReadOnlyList<string?> ToRow(Facility f) => [f.Code.Value, f.Name, Format.Enum<FacilityKind>(f.Kind), Format.Bool(f.IsHome)];

    protected override FacilityCode KeyOf(Facility f) => f.Code;

    protected override string SubjectOf(Facility f) => f.Code.Value;

    protected override IRepository<FacilityCode, Facility> Repository(IStoreSession session) => session.Facilities;

    /// <summary>Exactly one facility, stored or imported, is the home facility.</summary>
    protected override void CheckAll(IReadOnlyList<(int Line, Facility Entity)> rows, ImportContext context, ReportError report)
    {
        var inFile = rows.Select(r => r.Entity.Code).ToHashSet();
        var storedHome = context.Store.Facilities.All().Where(f => f.IsHome && !inFile.Contains(f.Code)).Select(f => f.Code).ToList();
        var homeRows = rows.Where(r => r.Entity.IsHome).ToList();
        if (storedHome.Count + homeRows.Count == 0)
        {
            report(1, "is_home", "csv.nohome");
        }

        foreach (var (line, f) in homeRows.Skip(storedHome.Count == 0 ? 1 : 0))
        {
            report(line, "is_home", "csv.secondhome", storedHome.Count > 0 ? storedHome[0].Value : homeRows[0].Entity.Code.Value);
        }
    }
}
