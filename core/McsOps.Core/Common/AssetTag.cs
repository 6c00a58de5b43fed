namespace McsOps.Core;

public readonly record struct AssetTag : ICode<AssetTag>
{
    private AssetTag(string value) => Value = value;

    public string Value { get; }

    static AssetTag ICode<AssetTag>.Create(string normalized) => new(normalized);

    public static AssetTag Parse(string text) => Code.Parse<AssetTag>(text);

    public override string ToString() => Value ?? string.Empty;
}
