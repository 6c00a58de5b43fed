using McsOps.Core;

namespace McsOps.Bot.Chat;

/// <summary>
/// One chat platform as the outbox dispatcher sees it: who can be reached on it, and one delivery
/// attempt. Each configured adapter registers one (<c>services.AddSingleton&lt;IChatDelivery, …&gt;()</c>);
/// the dispatcher resolves them all and owns pacing, retries and the outbox states.
/// </summary>
internal interface IChatDelivery
{
    Channel Platform { get; }

    /// <summary>Where this staff member is reached on this platform; null when they are not linked to it, or cannot be messaged on it yet.</summary>
    ChatAddress? AddressOf(Staff staff);

    /// <summary>One attempt. Never throws for what the platform answers: 429, 5xx, <c>ok:false</c> and timeouts are results.</summary>
    Task<DeliveryResult> DeliverAsync(ChatAddress to, MessageContent content, CancellationToken cancel);
}

/// <param name="User">The platform's user id (Slack <c>U…</c>, Teams <c>aadObjectId</c>).</param>
/// <param name="Conversation">The per-conversation pacing key: the user's 1:1 conversation, or the user id while it is not known.</param>
/// <param name="Tenant">The per-tenant pacing key (Teams tenant id); null on a platform without a per-tenant limit.</param>
internal sealed record ChatAddress(string User, string Conversation, string? Tenant);

/// <summary>What one delivery attempt came to.</summary>
internal abstract record DeliveryResult
{
    /// <summary>The platform accepted the message; only now is it <c>sent</c>.</summary>
    public sealed record Accepted(string MessageId) : DeliveryResult;

    /// <summary>429: try again no earlier than <paramref name="RetryAfter"/> from now.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : DeliveryResult;

    /// <summary>Anything else; <paramref name="Retryable"/> for 5xx and timeouts, not for a refusal that will not change (unknown user, 4xx).</summary>
    public sealed record Failed(string Error, bool Retryable) : DeliveryResult;
}
