namespace McsOps.Core;

public readonly record struct FacilityCode : ICode<FacilityCode>
{
    private FacilityCode(string value) => Value = value;

    public string Value { get; }

    static FacilityCode ICode<FacilityCode>.Create(string normalized) => new(normalized);

    public static FacilityCode Parse(string text) => Code.Parse<FacilityCode>(text);

    public override string ToString() => Value ?? string.Empty;
}
