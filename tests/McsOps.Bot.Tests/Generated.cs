using FsCheck;
using FsCheck.Fluent;

namespace McsOps.Bot.Tests;

/// <summary>What the generated bad-input tests share: how many cases each surface gets, and any text FsCheck makes (never null).</summary>
internal static class Generated
{
    /// <summary>Cases per surface (issue 8: at least 10,000).</summary>
    public const int Cases = 10_000;

    public static Gen<string> Text() => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);
}
