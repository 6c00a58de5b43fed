namespace McsOps.Core;

/// <summary>The language of screens, messages and errors: Japanese first, English on request.</summary>
public enum Lang
{
    [Token("ja")] Ja,
    [Token("en")] En,
}
