namespace McsOps.Core.Demo;

/// <summary>The fixed cast of the demo: 山田クリニック's own staff and the external facilities it works with.</summary>
internal static class DemoRoster
{
    public const string Home = "F-0001";

    public const string HomeName = "山田クリニック";

    public const string HomeDomain = "yamada-clinic.example.jp";

    /// <summary>The clinic's staff, S-0001 to S-0025 in this order.</summary>
    public static IReadOnlyList<HomeMember> HomeStaff { get; } =
    [
        new("山田 一郎", "ヤマダ イチロウ", "doctor", "admin", "yamada", "i.yamada"), // 院長
        new("佐藤 健太", "サトウ ケンタ", "doctor", null, null, "k.sato"),
        new("高橋 美咲", "タカハシ ミサキ", "doctor", null, null, "m.takahashi"), // 非常勤
        new("中村 直樹", "ナカムラ ナオキ", "clerk", "admin", "nakamura", "n.nakamura"), // 事務長
        new("小林 恵子", "コバヤシ ケイコ", "nurse", "auditor", "kobayashi", "k.kobayashi"), // 看護師長
        new("伊藤 由美子", "イトウ ユミコ", "nurse", null, null, "y.ito"),
        new("渡辺 真由美", "ワタナベ マユミ", "nurse", null, null, "m.watanabe"),
        new("加藤 智子", "カトウ トモコ", "nurse", null, null, "t.kato"), // leaving
        new("吉田 香織", "ヨシダ カオリ", "nurse", null, null, "k.yoshida"),
        new("松本 沙織", "マツモト サオリ", "nurse", null, null, "s.matsumoto"),
        new("井上 麻衣", "イノウエ マイ", "nurse", null, null, "m.inoue"),
        new("木村 彩", "キムラ アヤ", "nurse", null, null, "a.kimura"),
        new("林 直美", "ハヤシ ナオミ", "nurse", null, null, "n.hayashi"),
        new("清水 大輔", "シミズ ダイスケ", "nurse", null, null, "d.shimizu"),
        new("森 春香", "モリ ハルカ", "nurse", null, null, "h.mori"),
        new("池田 加奈子", "イケダ カナコ", "nurse", null, null, "k.ikeda"),
        new("橋本 翔太", "ハシモト ショウタ", "therapist", null, null, "s.hashimoto"), // 理学療法士
        new("石川 裕子", "イシカワ ユウコ", "clerk", null, null, "y.ishikawa"),
        new("前田 理恵", "マエダ リエ", "clerk", null, null, "r.maeda"),
        new("岡田 美穂", "オカダ ミホ", "clerk", null, null, "m.okada"),
        new("藤田 拓也", "フジタ タクヤ", "clerk", null, null, "t.fujita"),
        new("後藤 早苗", "ゴトウ サナエ", "clerk", null, null, "s.goto"),
        new("近藤 千尋", "コンドウ チヒロ", "other", null, null, "c.kondo"), // 医療ソーシャルワーカー
        new("村上 結衣", "ムラカミ ユイ", "nurse", null, null, "y.murakami"), // joined this month
        new("遠藤 和也", "エンドウ カズヤ", "nurse", null, null, "k.endo"),
    ];

    /// <summary>The external facilities, F-0002 onwards, with the professions of their staff in MCS.</summary>
    public static IReadOnlyList<ExternalFacility> External { get; } =
    [
        new("F-0002", "さくら訪問看護ステーション", "home_nursing", "sakura-houkan.example.jp",
            ["nurse", "nurse", "nurse", "nurse", "nurse", "nurse", "nurse", "therapist", "therapist"]),
        new("F-0003", "みどり薬局 桜台店", "pharmacy", "midori-ph.example.jp",
            ["pharmacist", "pharmacist", "pharmacist", "pharmacist", "pharmacist", "pharmacist"]),
        new("F-0004", "ひまわり居宅介護支援事業所", "care_management", "himawari-cm.example.jp",
            ["care_manager", "care_manager", "care_manager", "care_manager", "care_manager", "care_manager", "care_manager"]),
        new("F-0005", "緑町中央病院", "hospital", "midorimachi-hp.example.jp",
            ["doctor", "doctor", "nurse", "nurse", "other", "therapist"]),
        new("F-0006", "あおば訪問介護センター", "care_provider", "aoba-care.example.jp",
            ["care_worker", "care_worker", "care_worker", "care_worker", "care_worker", "care_worker"]),
        new("F-0007", "つばさ訪問看護ステーション 東町", "home_nursing", "tsubasa-kango.example.jp",
            ["nurse", "nurse", "therapist", "nurse", "nurse", "nurse"]),
    ];

    /// <summary>A member of the clinic's own staff.</summary>
    internal sealed record HomeMember(string Name, string Kana, string Profession, string? Roles, string? OsUser, string Mail);

    /// <summary>An external facility and the professions of its staff.</summary>
    internal sealed record ExternalFacility(string Code, string Name, string Kind, string Domain, IReadOnlyList<string> Professions);
}
