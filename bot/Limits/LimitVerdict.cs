namespace McsOps.Bot.Limits;

/// <summary>What a <see cref="SlidingLimiter"/> says about one more request.</summary>
internal enum LimitVerdict
{
    /// <summary>Under the limit.</summary>
    Allowed,

    /// <summary>Over the limit, and the first refusal since the key was last allowed: the moment to audit the lockout.</summary>
    LockedOut,

    /// <summary>Over the limit, still in the same lockout.</summary>
    Refused,
}
