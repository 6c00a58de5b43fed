using System.Security.Cryptography;

namespace McsOps.Bot.Chat.Teams;

/// <summary>One key of the Bot Connector's key set: its id, the RSA public key and the channels it is endorsed for.</summary>
internal sealed record TeamsSigningKey(string Id, RSA Rsa, IReadOnlySet<string> Endorsements);
