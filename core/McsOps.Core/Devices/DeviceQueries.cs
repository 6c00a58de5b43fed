using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>One line of the device registry: the device and its holder's name.</summary>
public sealed record DeviceRow(Device Device, string? HolderName);

/// <summary>Every device of the registry (端末管理台帳), in asset-tag order.</summary>
public sealed record ListDevices : IQuery<IReadOnlyList<DeviceRow>>;

internal sealed class ListDevicesHandler : IHandler<ListDevices, IReadOnlyList<DeviceRow>>
{
    public IReadOnlyList<DeviceRow> Handle(ListDevices op, OperationContext ctx)
    {
        var staff = ctx.Session.Staff.All().ToDictionary(s => s.Code, s => s.Name);
        return [.. ctx.Session.Devices.All()
            .OrderBy(d => d.Tag.Value, StringComparer.Ordinal)
            .Select(d => new DeviceRow(d, d.Holder is { } h ? staff.GetValueOrDefault(h) : null))];
    }
}
