using McsOps.Core.Demo;

namespace McsOps.Benchmarks;

/// <summary>Draws fictional names, facility names and identifiers from the shared pools with the generator's random stream.</summary>
internal sealed class NamePicker(Random rng)
{
    private const string SlackAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private const string HexDigits = "0123456789abcdef";
    private readonly HashSet<string> _facilityNames = new(StringComparer.Ordinal);

    public (string Name, string Kana) Family() => JapaneseNames.FamilyNames[rng.Next(JapaneseNames.FamilyNames.Count)];

    public (string Name, string Kana) Given() => JapaneseNames.GivenNames[rng.Next(JapaneseNames.GivenNames.Count)];

    public (string Name, string Kana) Person() => JapaneseNames.Full(Family(), Given());

    public void Reserve(string facilityName) => _facilityNames.Add(facilityName);

    /// <summary>A facility name not used before, in the style of its kind (さくら訪問看護ステーション 桜台).</summary>
    public string Facility(string kind)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = Candidate(kind);
            if (attempt >= 20)
            {
                name += " " + (attempt - 18).ToString(System.Globalization.CultureInfo.InvariantCulture) + "号";
            }

            if (_facilityNames.Add(name))
            {
                return name;
            }
        }
    }

    public string SlackId() => "U" + Draw(SlackAlphabet, 10);

    public string Hex(int length) => Draw(HexDigits, length);

    private string Candidate(string kind) => kind switch
    {
        "home_nursing" => $"{Stem()}訪問看護ステーション {Place()}",
        "pharmacy" => $"{Stem()}薬局 {Place()}店",
        "care_management" => $"{Stem()}居宅介護支援事業所 {Place()}",
        "care_provider" => $"{Stem()}{Pick("訪問介護センター", "ヘルパーステーション", "デイサービス", "訪問入浴サービス")} {Place()}",
        "hospital" => Place() + Pick("病院", "中央病院", "総合病院", "記念病院", "医療センター"),
        "clinic" => Family().Name + Pick("内科クリニック", "医院", "在宅クリニック", "診療所"),
        _ => Place() + Pick("地域包括支援センター", "訪問歯科", "訪問リハビリテーション"),
    };

    private string Stem() => JapaneseNames.FacilityStems[rng.Next(JapaneseNames.FacilityStems.Count)];

    private string Place() => JapaneseNames.PlaceNames[rng.Next(JapaneseNames.PlaceNames.Count)];

    private string Pick(params string[] options) => options[rng.Next(options.Length)];

    private string Draw(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[rng.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
