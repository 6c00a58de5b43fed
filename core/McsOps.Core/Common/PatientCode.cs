namespace McsOps.Core;

public readonly record struct PatientCode : ICode<PatientCode>
{
    private PatientCode(string value) => Value = value;

    public string Value { get; }

    static PatientCode ICode<PatientCode>.Create(string normalized) => new(normalized);

    public static PatientCode Parse(string text) => Code.Parse<PatientCode>(text);

    public override string ToString() => Value ?? string.Empty;
}
