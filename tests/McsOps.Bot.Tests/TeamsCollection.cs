namespace McsOps.Bot.Tests;

/// <summary>
/// The Teams test classes run one after another, not beside each other: each starts a host and a
/// fake Teams, and together in parallel they starved the timing-sensitive host tests on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TeamsCollection
{
    public const string Name = "Teams";
}
