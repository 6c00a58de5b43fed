using McsOps.Core.Storage;

namespace McsOps.Core.Csv.Kinds;

public sealed class DeviceCsv : CsvKind<AssetTag, Device>
{
    public override string Name => "devices";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("asset_tag", true),
        new("kind", true),
        new("holder_staff_code"),
        new("offsite_approved", Type: ColumnType.Bool),
        new("client_cert"),
        new("status"),
        new("lost_on"),
        new("note"),
    ];

    protected override Device Parse(RowReader row)
    {
        var before = row.ErrorCount;
        var d = new Device
        {
            Tag = row.Code<AssetTag>("asset_tag", required: true) ?? default,
            Kind = row.Enum<DeviceKind>("kind"),
            Holder = row.Code<StaffCode>("holder_staff_code"),
            OffsiteApproved = row.Bool("offsite_approved"),
            ClientCert = row.Optional("client_cert"),
            Status = row.Enum<DeviceStatus>("status", DeviceStatus.InUse),
            LostOn = row.Date("lost_on"),
            Note = row.Optional("note"),
        };
        if (row.ErrorCount == before && d.Status == DeviceStatus.Lost && d.LostOn is null)
        {
            row.Fail("lost_on", "csv.lostnodate");
        }

        return d;
    }

    protected override IReadOnlyList<string?> ToRow(Device d) =>
    [
        d.Tag.Value, Format.Enum<DeviceKind>(d.Kind), Format.Code(d.Holder), Format.Bool(d.OffsiteApproved),
        d.ClientCert, Format.Enum<DeviceStatus>(d.Status), Format.Date(d.LostOn), d.Note,
    ];

    protected override AssetTag KeyOf(Device d) => d.Tag;

    protected override string SubjectOf(Device d) => d.Tag.Value;

    protected override IRepository<AssetTag, Device> Repository(IStoreSession session) => session.Devices;

    protected override void AfterWrite(Device stored, Device? previous, ImportContext context, Actor actor)
    {
        DeviceLoss.EnsureSuspendAction(context.Store, stored, actor);
        context.SyncLeaver(stored.Holder);
    }

    protected override void CheckAll(IReadOnlyList<(int Line, Device Entity)> rows, ImportContext context, ReportError report)
    {
        foreach (var (line, d) in rows)
        {
            if (d.Holder is { } h && !context.Staff.Contains(h))
            {
                report(line, "holder_staff_code", "csv.unknownref", h.Value);
            }
        }
    }
}
