namespace McsOps.Core;

public enum DeviceKind
{
    [Token("smartphone", "スマートフォン")] Smartphone,
    [Token("tablet", "タブレット")] Tablet,
    [Token("pc", "パソコン")] Pc,
    [Token("other", "その他")] Other,
}
