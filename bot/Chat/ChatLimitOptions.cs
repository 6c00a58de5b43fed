using System.ComponentModel.DataAnnotations;

namespace McsOps.Bot.Chat;

/// <summary>The limits of section <c>Chat</c> that protect the chat endpoints (issue 8 item 5).</summary>
internal sealed class ChatLimitOptions
{
    public const string Section = "Chat";

    /// <summary>Requests per minute from one source address that fail verification (signature, size) before that address gets 429 without being read.</summary>
    [Range(1, 100_000)]
    public int MaxUnverifiedPerMinute { get; set; } = 20;

    /// <summary>Verified requests per minute from one chat user before they get a "slow down" answer instead.</summary>
    [Range(1, 100_000)]
    public int MaxRequestsPerUserPerMinute { get; set; } = 30;

    /// <summary>Chat requests served at once, on every platform together; the next ones wait in the queue.</summary>
    [Range(1, 1_024)]
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Chat requests waiting beyond those; any more are answered 429 at once: the service sheds load rather than falling over.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedRequests { get; set; } = 1_000;
}
