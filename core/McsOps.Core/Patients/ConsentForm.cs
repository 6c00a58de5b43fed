namespace McsOps.Core;

/// <summary>The consent form templates 1–4 of the MCS operating-rule template, or another form.</summary>
public enum ConsentForm
{
    [Token("template1", "様式1")] Template1,
    [Token("template2", "様式2")] Template2,
    [Token("template3", "様式3")] Template3,
    [Token("template4", "様式4")] Template4,
    [Token("other", "その他")] Other,
}
