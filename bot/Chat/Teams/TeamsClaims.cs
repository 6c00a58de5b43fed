namespace McsOps.Bot.Chat.Teams;

/// <summary>What a verified Bot Connector token vouches for: the service URL of the activity and the channels its key may sign for.</summary>
internal sealed record TeamsClaims(string? ServiceUrl, IReadOnlySet<string> Endorsements);
