using McsOps.Core.Storage;

namespace McsOps.Core;

/// <summary>
/// Design §5.8: a lost device is a finding at once and makes a suspension item for its holder
/// (the password item follows from the due list until the holder records a change after the
/// loss). Shared by the operation and by imports.
/// </summary>
public static class DeviceLoss
{
    public static string SuspendActionKey(StaffCode holder, AssetTag tag) => $"suspend_staff:{holder.Value}:{tag.Value}";

    public static void EnsureSuspendAction(IStoreSession session, Device device, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(device);
        if (device is not { Status: DeviceStatus.Lost, Holder: { } holder, LostOn: { } lostOn })
        {
            return;
        }

        var key = SuspendActionKey(holder, device.Tag);
        if (session.Actions.Find(key) is not null)
        {
            return;
        }

        session.Actions.Upsert(new McsAction
        {
            Key = key,
            Kind = McsActionKind.SuspendStaff,
            Subject = holder.Value,
            DueOn = lostOn,
            CreatedAt = session.Time.GetUtcNow(),
            Note = $"device {device.Tag.Value} lost",
        });
        session.Audit.Append(actor, "actions.create", holder.Value, $"suspend_staff due {lostOn:yyyy-MM-dd}; device {device.Tag.Value}");
    }
}
