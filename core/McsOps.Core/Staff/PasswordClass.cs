namespace McsOps.Core;

/// <summary>MHLW guideline 6.0 Q&amp;A examples a/b/c, plus "we do not know".</summary>
public enum PasswordClass
{
    [Token("unknown")] Unknown,
    [Token("13mixed")] ThirteenMixed,
    [Token("8rotating")] EightRotating,
    [Token("2fa")] TwoFactor,
}
