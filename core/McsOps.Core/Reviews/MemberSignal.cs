namespace McsOps.Core;

/// <summary>What a reviewer should know about a member before deciding (design §5.1).</summary>
[Flags]
public enum MemberSignal
{
    [Token("none")] None = 0,
    [Token("leaving", "退職予定")] Leaving = 1,
    [Token("departed", "退職済み")] Departed = 2,
    [Token("facility_refused", "一部不同意の施設")] FacilityRefused = 4,
    [Token("not_verified", "本人認証なし")] NotVerified = 8,
    [Token("added_since_last_review", "前回精査後に追加")] AddedSinceLastReview = 16,
}
