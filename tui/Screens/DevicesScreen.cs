using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;

namespace McsOps.Tui.Screens;

/// <summary>
/// 端末管理台帳: every device with its kind, holder, status (紛失 in red), the day it was lost and its
/// notes (備考, off-site approval, client certificate). The keys record what happened: a new device,
/// an edit, a loss (its holder then owes a password change and a suspension), a return or retirement.
/// Enter opens the holder. Opened from a device finding of the dashboard, the filter holds its asset tag.
/// </summary>
internal sealed class DevicesScreen : TableScreen<DeviceRow>
{
    public DevicesScreen(TuiContext context, string? filter = null)
        : base(context)
    {
        Bind(Key.N, T("devices.s.new"), T("devices.key.new"), New, changes: true);
        Bind(Key.E, T("devices.s.edit"), T("devices.key.edit"), Edit, changes: true);
        Bind(Key.L.WithShift, T("devices.s.lost"), T("devices.key.lost"), MarkLost, changes: true);
        Bind(Key.B, T("devices.s.returned"), T("devices.key.returned"), MarkReturned, changes: true);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            FilterText = filter.Trim();
        }
    }

    public override string Crumb => T("devices.title");

    public override IReadOnlyList<KeyHelp> MoreHelp =>
    [
        .. base.MoreHelp.Where(k => k.Keys != "Enter"),
        new("Enter", T("devices.key.open")),
    ];

    protected override IReadOnlyList<Column> Columns() =>
    [
        new(T("devices.h.tag"), r => r.Device.Tag.Value, 6),
        new(T("devices.h.kind"), r => Context.L(r.Device.Kind), Column.WidthOf(Enum.GetValues<DeviceKind>().Select(k => Context.L(k)))),
        new(T("devices.h.holder"), r => r.Device.Holder?.Value ?? "-", 6),
        new(T("devices.h.holdername"), r => r.HolderName ?? "", 8),
        new(T("devices.h.status"), r => Context.L(r.Device.Status), Column.WidthOf(Enum.GetValues<DeviceStatus>().Select(s => Context.L(s))), r => r.Device.Status == DeviceStatus.Lost ? Severity.Overdue : null),
        new(T("devices.h.loston"), r => r.Device.LostOn is { } d ? TuiContext.D(d) : "", 10),
        new(T("devices.h.note"), Notes),
    ];

    protected override IReadOnlyList<DeviceRow> Load() => Context.Run(new ListDevices());

    protected override string RowId(DeviceRow row) => row.Device.Tag.Value;

    protected override string Search(DeviceRow row) => SearchKey.Of(
        row.Device.Tag.Value,
        row.Device.Holder?.Value,
        row.HolderName,
        Context.L(row.Device.Kind),
        Context.L(row.Device.Status),
        row.Device.Note);

    protected override void Open(DeviceRow row)
    {
        if (row.Device.Holder is { } holder)
        {
            Shell.Push(new StaffDetailScreen(Context, holder));
        }
    }

    /// <summary>備考, then 持出許可 and the client certificate when there are.</summary>
    private string Notes(DeviceRow row)
    {
        var d = row.Device;
        var parts = new List<string>();
        if (d.Note is { Length: > 0 } note)
        {
            parts.Add(note);
        }

        if (d.OffsiteApproved)
        {
            parts.Add(T("devices.offsite"));
        }

        if (d.ClientCert is not null)
        {
            parts.Add(T("devices.cert"));
        }

        return string.Join("  ", parts);
    }

    private void New()
    {
        AssetTag? added = null;
        Forms.Show(Context, T("devices.new.title"),
            [
                new Field("tag", T("devices.f.tag")),
                new Field("kind", T("devices.f.kind"), "", Prefill.Choices<DeviceKind>(Context)),
                new Field("holder", T("devices.f.holder"), "", T("devices.f.holderhint")),
                new Field("offsite", T("devices.f.offsite"), Prefill.Bool(Context, false), T("form.yesno.hint")),
                new Field("cert", T("devices.f.cert")),
                new Field("note", T("devices.f.note")),
            ],
            v =>
            {
                var tag = v.Code<AssetTag>("tag", T("devices.f.tag"));
                if (All.Any(r => r.Device.Tag == tag))
                {
                    throw new FormInputException(T("devices.new.exists", tag.Value));
                }

                var device = new Device
                {
                    Tag = tag,
                    Kind = v.Token<DeviceKind>("kind", T("devices.f.kind")),
                    Holder = v.OptionalCode<StaffCode>("holder", T("devices.f.holder")),
                    OffsiteApproved = v.Bool("offsite", T("devices.f.offsite")),
                    ClientCert = v.Optional("cert"),
                    Note = v.Optional("note"),
                };
                return (T("devices.new.confirm", tag.Value, Context.L(device.Kind)), () =>
                {
                    added = Context.Run(new SaveDevice(device)).Tag;
                    return added;
                });
            });

        // The new row is shown alone (Esc clears the filter).
        Refresh();
        if (added is { } t)
        {
            FilterText = t.Value;
        }
    }

    private void Edit()
    {
        if (CurrentRow?.Device is not { } d)
        {
            return;
        }

        Forms.Show(Context, T("devices.edit.title", d.Tag.Value),
            [
                new Field("kind", T("devices.f.kind"), Prefill.Token(Context, (DeviceKind?)d.Kind), Prefill.Choices<DeviceKind>(Context)),
                new Field("holder", T("devices.f.holder"), d.Holder?.Value ?? "", T("devices.f.holderhint")),
                new Field("offsite", T("devices.f.offsite"), Prefill.Bool(Context, d.OffsiteApproved), T("form.yesno.hint")),
                new Field("cert", T("devices.f.cert"), d.ClientCert ?? ""),
                new Field("note", T("devices.f.note"), d.Note ?? ""),
            ],
            v =>
            {
                var edited = d with
                {
                    Kind = v.Token<DeviceKind>("kind", T("devices.f.kind")),
                    Holder = v.OptionalCode<StaffCode>("holder", T("devices.f.holder")),
                    OffsiteApproved = v.Bool("offsite", T("devices.f.offsite")),
                    ClientCert = v.Optional("cert"),
                    Note = v.Optional("note"),
                };
                return (T("devices.edit.confirm", d.Tag.Value), () => Context.Run(new SaveDevice(edited)));
            });
        Refresh();
    }

    private void MarkLost()
    {
        if (CurrentRow?.Device is not { } d)
        {
            return;
        }

        Forms.Show(Context, T("devices.lost.title", d.Tag.Value),
            [
                new Field("on", T("devices.f.date"), Prefill.Date(Context.Today)),
                new Field("note", T("devices.f.lostnote")),
            ],
            v =>
            {
                var on = v.Date("on", T("devices.f.date"));
                var note = v.Required("note", T("devices.f.lostnote"));
                return (T("devices.lost.confirm", d.Tag.Value, TuiContext.D(on)), () => Context.Run(new MarkDeviceLost(d.Tag, on, note)));
            });
        Refresh();
    }

    private void MarkReturned()
    {
        if (CurrentRow?.Device is not { } d)
        {
            return;
        }

        Forms.Show(Context, T("devices.returned.title", d.Tag.Value),
            [new Field("what", T("devices.f.returned"), "returned", T("devices.returned.hint"))],
            v =>
            {
                var retired = v.Required("what", T("devices.f.returned")).ToLowerInvariant() switch
                {
                    "returned" or "返却" => false,
                    "retired" or "廃棄" => true,
                    _ => throw new FormInputException(T("devices.returned.bad")),
                };
                return (T("devices.returned.confirm", d.Tag.Value, Context.L(retired ? DeviceStatus.Retired : DeviceStatus.Returned)),
                    () => Context.Run(new MarkDeviceReturned(d.Tag, retired)));
            });
        Refresh();
    }
}
