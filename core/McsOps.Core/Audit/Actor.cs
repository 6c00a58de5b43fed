namespace McsOps.Core;

/// <summary>
/// Who made a change, through which channel. <see cref="Id"/> is a staff code when the person is
/// known as staff, <c>os:&lt;user&gt;</c> for an OS user not yet mapped, or <c>system</c>.
/// </summary>
public sealed record Actor(string Id, Channel Channel)
{
    public static Actor System { get; } = new("system", Channel.System);

    public static Actor OsUser(string userName, Channel channel) => new("os:" + userName, channel);
}
