using McsOps.Core;
using McsOps.Core.Storage;

namespace McsOps.Bot.AdminApi;

/// <summary>
/// A caller of the admin API: the actor its changes are recorded as (the staff code of the staff
/// record whose <c>os_user</c> is the peer's OS user, or <c>os:&lt;user&gt;</c>) and its role.
/// </summary>
internal sealed record Caller(Actor Actor, CallerRole Role)
{
    /// <summary>
    /// The staff record mapped to <paramref name="osUser"/> decides: admin, else auditor (a
    /// departed member is neither). While no current staff member holds the admin role with an
    /// OS user, the OS users in <c>AdminApi:BootstrapAdmins</c> count as admins, so that a new
    /// installation can be set up through the service.
    /// </summary>
    public static Caller Resolve(IStoreSession session, string osUser, IReadOnlyCollection<string> bootstrapAdmins, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bootstrapAdmins);
        var staff = session.Staff.FindByOsUser(osUser);
        var actor = Actor.ForOsUser(staff, osUser, channel);
        if (staff is { Status: not StaffStatus.Departed })
        {
            if (staff.Roles.HasFlag(StaffRoles.Admin))
            {
                return new Caller(actor, CallerRole.Admin);
            }

            if (staff.Roles.HasFlag(StaffRoles.Auditor))
            {
                return new Caller(actor, CallerRole.Auditor);
            }
        }

        if (bootstrapAdmins.Contains(osUser, StringComparer.Ordinal) && !session.Staff.All().Any(IsMappedAdmin))
        {
            return new Caller(Actor.OsUser(osUser, channel), CallerRole.Admin);
        }

        return new Caller(actor, CallerRole.None);
    }

    private static bool IsMappedAdmin(Staff s) =>
        s.Roles.HasFlag(StaffRoles.Admin) && s.Status != StaffStatus.Departed && !string.IsNullOrWhiteSpace(s.OsUser);
}
