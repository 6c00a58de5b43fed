namespace McsOps.Core;

/// <summary>
/// Who made a change, through which channel. <see cref="Id"/> is a staff code when the person is
/// known as staff, <c>os:&lt;user&gt;</c> for an OS user not yet mapped, or <c>system</c>.
/// </summary>
public sealed record Actor(string Id, Channel Channel)
{
    public static Actor System { get; } = new("system", Channel.System);

    public static Actor OsUser(string userName, Channel channel) => new("os:" + userName, channel);

    /// <summary>The person behind an OS user: the staff record whose <c>os_user</c> it is, else the OS user itself.</summary>
    public static Actor ForOsUser(Staff? mapped, string userName, Channel channel) =>
        mapped is null ? OsUser(userName, channel) : new(mapped.Code.Value, channel);
}
