using McsOps.Core;

namespace McsOps.Tui.App;

/// <summary>What the screens call each state and kind (the words of the glossary), keyed <c>enum.&lt;type&gt;.&lt;token&gt;</c>.</summary>
internal static partial class UiText
{
    private static readonly (string Key, string Ja, string En)[] Enums =
    [
        ("enum.GroupKind.patient", "患者グループ", "patient group"),
        ("enum.GroupKind.free", "自由グループ", "free group"),
        ("enum.GroupStatus.active", "運用中", "active"),
        ("enum.GroupStatus.archive_pending", "保管待ち", "archive pending"),
        ("enum.GroupStatus.archived", "保管済み", "archived"),
        ("enum.PatientStatus.active", "在宅療養中", "active"),
        ("enum.PatientStatus.discharged", "終了", "discharged"),
        ("enum.PatientStatus.archived", "保管済み", "archived"),
        ("enum.PatientStatus.transferred", "転出", "transferred"),
        ("enum.StaffStatus.active", "在籍", "active"),
        ("enum.StaffStatus.leaving", "退職予定", "leaving"),
        ("enum.StaffStatus.departed", "退職済み", "departed"),
        ("enum.StaffStatus.suspended", "利用停止", "suspended"),
        ("enum.MembershipState.invited", "承認待ち", "invited"),
        ("enum.MembershipState.active", "参加中", "active"),
        ("enum.MembershipState.removal_pending", "解除待ち", "removal pending"),
        ("enum.MembershipState.removed", "解除済み", "removed"),
        ("enum.ReviewStatus.open", "実施中", "open"),
        ("enum.ReviewStatus.escalated", "エスカレーション済み", "escalated"),
        ("enum.ReviewStatus.completed", "完了", "completed"),
        ("enum.ReviewStatus.cancelled", "取消", "cancelled"),
        ("enum.ReviewDecision.pending", "未回答", "pending"),
        ("enum.ReviewDecision.keep", "継続", "keep"),
        ("enum.ReviewDecision.remove", "解除", "remove"),
        ("enum.ReviewDecision.unsure", "要確認", "unsure"),
        ("enum.DeviceStatus.in_use", "使用中", "in use"),
        ("enum.DeviceStatus.lost", "紛失", "lost"),
        ("enum.DeviceStatus.returned", "返却", "returned"),
        ("enum.DeviceStatus.retired", "廃棄", "retired"),
        ("enum.DeviceKind.smartphone", "スマートフォン", "smartphone"),
        ("enum.DeviceKind.tablet", "タブレット", "tablet"),
        ("enum.DeviceKind.pc", "パソコン", "PC"),
        ("enum.DeviceKind.other", "その他", "other"),
        ("enum.McsActionKind.remove_member", "メンバー解除", "remove member"),
        ("enum.McsActionKind.approve_invitation", "招待の承認", "approve invitation"),
        ("enum.McsActionKind.reject_invitation", "招待を承認しない", "reject invitation"),
        ("enum.McsActionKind.archive_group", "グループの保管", "archive group"),
        ("enum.McsActionKind.release_staff", "スタッフ解除", "release staff"),
        ("enum.McsActionKind.revoke_admin", "管理者権限の取消", "revoke admin"),
        ("enum.McsActionKind.suspend_staff", "利用停止", "suspend staff"),
        ("enum.PasswordClass.unknown", "不明", "unknown"),
        ("enum.PasswordClass.13mixed", "13文字以上(英数記号)", "13+ mixed"),
        ("enum.PasswordClass.8rotating", "8文字以上(2か月以内に変更)", "8+ rotated every 2 months"),
        ("enum.PasswordClass.2fa", "二要素認証", "two-factor"),
        ("enum.Profession.doctor", "医師", "doctor"),
        ("enum.Profession.dentist", "歯科医師", "dentist"),
        ("enum.Profession.nurse", "看護師", "nurse"),
        ("enum.Profession.pharmacist", "薬剤師", "pharmacist"),
        ("enum.Profession.care_manager", "ケアマネジャー", "care manager"),
        ("enum.Profession.therapist", "療法士", "therapist"),
        ("enum.Profession.care_worker", "介護職", "care worker"),
        ("enum.Profession.clerk", "事務", "clerk"),
        ("enum.Profession.other", "その他", "other"),
        ("enum.MemberSignal.leaving", "退職予定", "leaving"),
        ("enum.MemberSignal.departed", "退職済み", "departed"),
        ("enum.MemberSignal.facility_refused", "一部不同意の施設", "facility refused"),
        ("enum.MemberSignal.not_verified", "本人認証なし", "not verified"),
        ("enum.MemberSignal.added_since_last_review", "前回精査後に追加", "added since last review"),
        ("enum.DischargeReason.death", "死亡", "death"),
        ("enum.DischargeReason.hospitalized", "入院", "hospitalized"),
        ("enum.DischargeReason.facility_admission", "施設入所", "facility admission"),
        ("enum.DischargeReason.moved", "転居", "moved"),
        ("enum.DischargeReason.other_provider", "他院へ移行", "other provider"),
        ("enum.DischargeReason.ended", "終了", "ended"),
        ("enum.ConsentForm.template1", "様式1", "template 1"),
        ("enum.ConsentForm.template2", "様式2", "template 2"),
        ("enum.ConsentForm.template3", "様式3", "template 3"),
        ("enum.ConsentForm.template4", "様式4", "template 4"),
        ("enum.ConsentForm.other", "その他", "other"),
        ("enum.ConsentSigner.patient", "本人", "patient"),
        ("enum.ConsentSigner.family", "家族", "family"),
        ("enum.StaffRoles.admin", "MCS管理者", "MCS admin"),
        ("enum.StaffRoles.auditor", "監査責任者", "auditor"),
    ];

    /// <summary>The on-screen word for an enum value; flags are joined with '・'.</summary>
    public static string Label<T>(Lang lang, T value) where T : struct, Enum
    {
        if (typeof(T).IsDefined(typeof(FlagsAttribute), false))
        {
            var set = Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(v));
            return string.Join("・", set.Select(v => Get(lang, $"enum.{typeof(T).Name}.{Tokens.Format(v)}")));
        }

        return Get(lang, $"enum.{typeof(T).Name}.{Tokens.Format(value)}");
    }
}
