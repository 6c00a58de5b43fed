namespace McsOps.Tui.Screens;

/// <summary>One line of a screen's help: the keys as typed and what they do.</summary>
internal sealed record KeyHelp(string Keys, string What);
