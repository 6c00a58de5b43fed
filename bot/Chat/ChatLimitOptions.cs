namespace McsOps.Bot.Chat;

/// <summary>
/// The limits of section <c>Chat</c> that protect the chat endpoints (issue 8 items 4 and 5). Read
/// and checked when the service is built: a bad value stops the start with exit 2 naming the key.
/// </summary>
internal sealed record ChatLimitOptions
{
    public const string Section = "Chat";

    /// <summary>Requests per minute from one source address that fail verification (signature, size) before that address gets 429 without being read.</summary>
    public int MaxUnverifiedPerMinute { get; init; } = 20;

    /// <summary>Verified requests per minute from one chat user before they get a "slow down" answer instead.</summary>
    public int MaxRequestsPerUserPerMinute { get; init; } = 30;

    /// <summary>Chat requests served at once, on every platform together; the next ones wait in the queue.</summary>
    public int MaxConcurrentRequests { get; init; } = 64;

    /// <summary>Chat requests waiting beyond those; any more are answered 429 at once: the service sheds load rather than falling over.</summary>
    public int MaxQueuedRequests { get; init; } = 1_000;

    public static ChatLimitOptions Load(IConfiguration configuration)
    {
        var defaults = new ChatLimitOptions();
        return new ChatLimitOptions
        {
            MaxUnverifiedPerMinute = Int(configuration, nameof(MaxUnverifiedPerMinute), defaults.MaxUnverifiedPerMinute, 1, 100_000),
            MaxRequestsPerUserPerMinute = Int(configuration, nameof(MaxRequestsPerUserPerMinute), defaults.MaxRequestsPerUserPerMinute, 1, 100_000),
            MaxConcurrentRequests = Int(configuration, nameof(MaxConcurrentRequests), defaults.MaxConcurrentRequests, 1, 1_024),
            MaxQueuedRequests = Int(configuration, nameof(MaxQueuedRequests), defaults.MaxQueuedRequests, 0, 100_000),
        };
    }

    private static int Int(IConfiguration configuration, string name, int fallback, int min, int max) =>
        McsOps.Core.Configuration.Settings.Int(configuration, Section + ":" + name, fallback, min, max);
}
