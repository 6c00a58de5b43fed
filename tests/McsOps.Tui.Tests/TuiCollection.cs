namespace McsOps.Tui.Tests;

/// <summary>Terminal.Gui application instances run one at a time.</summary>
[CollectionDefinition("tui", DisableParallelization = true)]
public sealed class TuiCollection;
