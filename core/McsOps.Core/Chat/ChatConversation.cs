namespace McsOps.Core;

/// <summary>
/// How to reach a chat user proactively (Teams cannot message a user by e-mail): the platform's
/// stable user id (Teams: the Entra object id, as <see cref="Staff.TeamsUserId"/>), the user's id
/// in conversations (Teams <c>29:…</c>), the tenant, the service URL to call and the 1:1
/// conversation once known. Written when the bot is added and refreshed by every message.
/// </summary>
public sealed record ChatConversation(Channel Platform, string User, string ChatUserId, string? Tenant, string ServiceUrl, string? Conversation, DateTimeOffset UpdatedAt)
{
    /// <summary>Whether <paramref name="other"/> says the same (apart from when it was seen).</summary>
    public bool SameAs(ChatConversation? other) =>
        other is not null && other with { UpdatedAt = UpdatedAt } == this;
}
