namespace McsOps.Core;

public enum ReviewDecision
{
    [Token("pending")] Pending,
    [Token("keep", "継続")] Keep,
    [Token("remove", "解除")] Remove,
    [Token("unsure", "要確認")] Unsure,
}
