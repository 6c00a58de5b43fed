using McsOps.Core;

namespace McsOps.Bot.Chat.Dispatch;

/// <summary>
/// Each platform's documented limits on proactive messages: Teams 7 per second and 60 per 30
/// seconds per conversation, 30 per second per tenant; Slack about one per second per channel
/// (<c>chat.postMessage</c>), nothing per workspace short of its 429. Each window is kept 5 % longer
/// than documented: the platform counts a call when it arrives, and a call that took longer on
/// the way than the one a window later would otherwise land inside the platform's window.
/// </summary>
internal sealed record PaceLimits(IReadOnlyList<PaceLimit> PerConversation, IReadOnlyList<PaceLimit> PerTenant)
{
    public static readonly PaceLimits Teams = new(
        [new PaceLimit(7, Window(1)), new PaceLimit(60, Window(30))],
        [new PaceLimit(30, Window(1))]);

    public static readonly PaceLimits Slack = new([new PaceLimit(1, Window(1))], []);

    /// <summary>An unknown platform gets the strictest of both.</summary>
    public static PaceLimits For(Channel platform) => platform switch
    {
        Channel.Teams => Teams,
        Channel.Slack => Slack,
        _ => new PaceLimits([new PaceLimit(1, Window(1))], [new PaceLimit(30, Window(1))]),
    };

    private static TimeSpan Window(int seconds) => TimeSpan.FromSeconds(seconds * 1.05);
}
