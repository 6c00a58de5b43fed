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
}
