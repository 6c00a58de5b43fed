namespace McsOps.Core;

public enum Channel
{
    [Token("tui")] Tui,
    [Token("cli")] Cli,
    [Token("slack")] Slack,
    [Token("teams")] Teams,
    [Token("system")] System,
}
