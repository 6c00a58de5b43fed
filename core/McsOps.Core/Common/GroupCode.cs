namespace McsOps.Core;

public readonly record struct GroupCode : ICode<GroupCode>
{
    private GroupCode(string value) => Value = value;

    public string Value { get; }

    static GroupCode ICode<GroupCode>.Create(string normalized) => new(normalized);

    public static GroupCode Parse(string text) => Code.Parse<GroupCode>(text);

    public override string ToString() => Value ?? string.Empty;
}
