namespace McsOps.Core;

public enum ConsentSigner
{
    [Token("patient", "本人")] Patient,
    [Token("family", "家族")] Family,
}
