namespace McsOps.Core;

public enum DischargeReason
{
    [Token("death", "死亡")] Death,
    [Token("hospitalized", "入院")] Hospitalized,
    [Token("facility_admission", "施設入所")] FacilityAdmission,
    [Token("moved", "転居")] Moved,
    [Token("other_provider", "他院へ移行")] OtherProvider,
    [Token("ended", "終了")] Ended,
}
