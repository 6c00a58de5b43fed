namespace McsOps.Bot.Chat.Dispatch;

/// <summary>At most <paramref name="Count"/> calls in any <paramref name="Window"/>.</summary>
internal sealed record PaceLimit(int Count, TimeSpan Window);
