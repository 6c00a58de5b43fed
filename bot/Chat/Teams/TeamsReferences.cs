using McsOps.Core;
using McsOps.Core.Storage;

namespace McsOps.Bot.Chat.Teams;

/// <summary>
/// The Teams conversation references in the store: written when the bot is added to a user's
/// personal scope and refreshed by every activity from them (only when something changed, so a
/// busy user costs no write per message).
/// </summary>
internal sealed class TeamsReferences(IStore store, TimeProvider time)
{
    public ChatConversation? Find(string user) => store.Read(s => s.Conversations.Find(Channel.Teams, user));

    /// <summary>Remembers how to reach the activity's sender; a group chat or channel keeps the 1:1 conversation already known.</summary>
    public void Remember(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.User is not { } user)
        {
            return;
        }

        var known = Find(user);
        var seen = new ChatConversation(Channel.Teams, user, activity.FromId, activity.Tenant ?? known?.Tenant, activity.ServiceUrl,
            activity.IsPersonal ? activity.ConversationId : known?.Conversation, time.GetUtcNow());
        if (!seen.SameAs(known))
        {
            Save(seen);
        }
    }

    public void Save(ChatConversation conversation) => store.Write(s =>
    {
        s.Conversations.Save(conversation);
        return true;
    });
}
