namespace McsOps.Core;

public enum FacilityKind
{
    [Token("clinic", "診療所")] Clinic,
    [Token("hospital", "病院")] Hospital,
    [Token("home_nursing", "訪問看護ステーション")] HomeNursing,
    [Token("pharmacy", "薬局")] Pharmacy,
    [Token("care_management", "居宅介護支援事業所")] CareManagement,
    [Token("care_provider", "介護事業所")] CareProvider,
    [Token("other", "その他")] Other,
}
