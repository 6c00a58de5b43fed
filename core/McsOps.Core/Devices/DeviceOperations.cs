using McsOps.Core.Application;

namespace McsOps.Core;

/// <summary>Adds or edits an entry of the device registry (端末管理台帳).</summary>
public sealed record SaveDevice(Device Device) : IOperation<Device>;

/// <summary>紛失: the device is a finding at once; its holder must change their password and be suspended in MCS. The note is added to the device's 備考.</summary>
public sealed record MarkDeviceLost(AssetTag Tag, DateOnly On, string Note) : IOperation<Device>;

/// <summary>返却 / 廃棄: the device comes back or is retired.</summary>
public sealed record MarkDeviceReturned(AssetTag Tag, bool Retired) : IOperation<Device>;

internal sealed class SaveDeviceHandler : IHandler<SaveDevice, Device>
{
    public Device Handle(SaveDevice op, OperationContext ctx)
    {
        if (op.Device.Holder is { } h)
        {
            _ = ctx.Staff(h);
        }

        if (op.Device is { Status: DeviceStatus.Lost, LostOn: null })
        {
            throw OperationContext.Rejected("csv.lostnodate");
        }

        var existing = ctx.Session.Devices.Find(op.Device.Tag);
        ctx.Session.Devices.Upsert(op.Device);
        ctx.Audit(existing is null ? "devices.create" : "devices.update", op.Device.Tag.Value);
        DeviceLoss.EnsureSuspendAction(ctx.Session, op.Device, ctx.Actor);
        return op.Device;
    }
}

internal sealed class MarkDeviceLostHandler : IHandler<MarkDeviceLost, Device>
{
    public Device Handle(MarkDeviceLost op, OperationContext ctx)
    {
        if (string.IsNullOrWhiteSpace(op.Note))
        {
            throw OperationContext.Rejected("op.reason");
        }

        var device = ctx.Device(op.Tag);
        var note = op.Note.Trim();
        var lost = device with { Status = DeviceStatus.Lost, LostOn = op.On, Note = device.Note is { Length: > 0 } old ? $"{old} / {note}" : note };
        ctx.Session.Devices.Upsert(lost);
        ctx.Audit("devices.lost", op.Tag.Value, $"on {op.On:yyyy-MM-dd}; {note}");
        DeviceLoss.EnsureSuspendAction(ctx.Session, lost, ctx.Actor);
        return lost;
    }
}

internal sealed class MarkDeviceReturnedHandler : IHandler<MarkDeviceReturned, Device>
{
    public Device Handle(MarkDeviceReturned op, OperationContext ctx)
    {
        var device = ctx.Device(op.Tag);
        var back = device with { Status = op.Retired ? DeviceStatus.Retired : DeviceStatus.Returned };
        ctx.Session.Devices.Upsert(back);
        ctx.Audit(op.Retired ? "devices.retired" : "devices.returned", op.Tag.Value);
        if (device.Holder is { } holder && ctx.Session.Checklists.Find(holder) is { IsOpen: true } checklist)
        {
            var id = $"{Tokens.Format(ChecklistItemKind.ReturnDevice)}:{op.Tag.Value}";
            if (checklist.HasOpenItem(id))
            {
                ctx.Session.Checklists.Upsert(checklist.Tick(id, ctx.Actor.Id, ctx.Now, "returned"));
                ctx.Audit("checklists.tick", holder.Value, id);
            }
        }

        return back;
    }
}
