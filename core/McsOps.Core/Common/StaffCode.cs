namespace McsOps.Core;

public readonly record struct StaffCode : ICode<StaffCode>
{
    private StaffCode(string value) => Value = value;

    public string Value { get; }

    static StaffCode ICode<StaffCode>.Create(string normalized) => new(normalized);

    public static StaffCode Parse(string text) => Code.Parse<StaffCode>(text);

    public override string ToString() => Value ?? string.Empty;
}
