namespace McsOps.Core;

public enum GroupKind
{
    [Token("patient", "患者グループ")] Patient,
    [Token("free", "自由グループ")] Free,
}
