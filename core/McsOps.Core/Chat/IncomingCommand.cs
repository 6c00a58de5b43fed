namespace McsOps.Core;

/// <summary>What a person typed to McsOps in chat (a Slack slash command with its text, a Teams message), as the platform's user.</summary>
public sealed record IncomingCommand(Channel Platform, string PlatformUserId, string Text);
