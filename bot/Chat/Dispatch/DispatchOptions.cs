using McsOps.Core.Configuration;

namespace McsOps.Bot.Chat.Dispatch;

/// <summary>
/// The outbox dispatcher's settings (section <c>Chat</c>). Read and checked when the service is
/// built, like <see cref="Settings"/>: a bad value stops the start with exit 2 and a message
/// naming the key, before anything listens.
/// </summary>
internal sealed record DispatchOptions
{
    public const string Section = "Chat";

    /// <summary>Tries of a message that keeps failing (5xx, timeouts) before it is <c>dead</c>.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Calls in flight at once (each to a different conversation).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>The first back-off after a failure; it doubles with each try (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How long the dispatcher sleeps when nothing is due and nothing changes in the store.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(30);

    public static DispatchOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new DispatchOptions();
        return new DispatchOptions
        {
            MaxAttempts = Int(configuration, "MaxAttempts", defaults.MaxAttempts, 1, 100),
            MaxConcurrency = Int(configuration, "MaxConcurrency", defaults.MaxConcurrency, 1, 64),
            Backoff = TimeSpan.FromSeconds(Int(configuration, "BackoffSeconds", (int)defaults.Backoff.TotalSeconds, 1, 3600)),
            MaxBackoff = TimeSpan.FromMinutes(Int(configuration, "MaxBackoffMinutes", (int)defaults.MaxBackoff.TotalMinutes, 1, 1440)),
            Poll = TimeSpan.FromSeconds(Int(configuration, "PollSeconds", (int)defaults.Poll.TotalSeconds, 1, 3600)),
        };
    }

    private static int Int(IConfiguration configuration, string name, int fallback, int min, int max) =>
        McsOps.Core.Configuration.Settings.Int(configuration, Section + ":" + name, fallback, min, max);
}
