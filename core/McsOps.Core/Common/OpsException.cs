namespace McsOps.Core;

/// <summary>
/// A failure the user can act on. It carries a message key of <see cref="Text"/> and its
/// arguments, so each front end prints it in its user's language; <see cref="Code"/> is the
/// process exit code.
/// </summary>
public sealed class OpsException(ExitCode code, string key, params object?[] args)
    : Exception(Text.Get(Lang.En, key, args))
{
    public ExitCode Code { get; } = code;

    public string Key { get; } = key;

    public IReadOnlyList<object?> Args { get; } = args;

    public string Localize(Lang lang) => Text.Get(lang, Key, [.. Args]);
}
