namespace McsOps.Core;

/// <summary>
/// MHLW guideline 6.0 Q&amp;A a/b/c: 13+ mixed characters or two-factor login need no periodic
/// change; 8–12 characters must be changed within 2 calendar months of the last change
/// (2026-12-31 + 2 months = 2027-02-28); an unknown class is itself a finding.
/// </summary>
public static class PasswordPolicy
{
    public const string Rotate = "rotate_password";
    public const string UnknownClass = "unknown_class";
    public const string ChangeNow = "change_password";

    /// <summary>The rotation finding of one staff member, if their class has one: (kind, due date or null).</summary>
    public static (string Kind, DateOnly? Due)? Rotation(Staff staff, int rotationMonths)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.PasswordClass switch
        {
            PasswordClass.EightRotating => (Rotate, staff.PasswordChangedOn?.AddMonths(rotationMonths)),
            PasswordClass.Unknown => (UnknownClass, null),
            _ => null,
        };
    }

    /// <summary>A lost device makes its holder's password a finding due at once, until they change it after the loss.</summary>
    public static bool MustChangeAfterLoss(Staff holder, Device device)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(device);
        return device is { Status: DeviceStatus.Lost, LostOn: { } lost } && !(holder.PasswordChangedOn >= lost);
    }
}
