namespace McsOps.Bot.Chat.Dispatch;

/// <summary>What one pass over the outbox did, and when the next one has something to do (null: only when the store changes).</summary>
internal sealed record DispatchPass(int Sent, int Throttled, int Retrying, int Dead, int Unlinked, DateTimeOffset? NextAt);
