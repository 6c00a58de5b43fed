namespace McsOps.Core;

/// <summary>
/// The word a CSV file, the command line and JSON use for an enum member, plus the Japanese words
/// that an admin's Excel sheet may carry instead.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class TokenAttribute(string token, params string[] aliases) : Attribute
{
    public string Token { get; } = token;

    public IReadOnlyList<string> Aliases { get; } = aliases;
}
