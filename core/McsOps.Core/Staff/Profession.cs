namespace McsOps.Core;

public enum Profession
{
    [Token("doctor", "医師")] Doctor,
    [Token("dentist", "歯科医師")] Dentist,
    [Token("nurse", "看護師")] Nurse,
    [Token("pharmacist", "薬剤師")] Pharmacist,
    [Token("care_manager", "ケアマネジャー", "ケアマネージャー")] CareManager,
    [Token("therapist", "療法士", "理学療法士", "作業療法士", "言語聴覚士")] Therapist,
    [Token("care_worker", "介護職")] CareWorker,
    [Token("clerk", "事務")] Clerk,
    [Token("other", "その他")] Other,
}
