using McsOps.Core;

namespace McsOps.Bot.Chat.Slack;

/// <summary>
/// An answer to deliver after Slack has been acknowledged: to whom, through which
/// <c>response_url</c> (if any), and what to say there if delivering fails.
/// </summary>
internal sealed record SlackReply(OutgoingMessage Message, string User, Uri? ResponseUrl, string FailureText);
