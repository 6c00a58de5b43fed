namespace McsOps.Core.Csv;

/// <summary>One reason a file was rejected, printed as <c>file:line: column: reason</c>.</summary>
public sealed record ImportError(string File, int Line, string? Column, LocalizedReason Reason)
{
    public string Format(Lang lang) =>
        Column is null
            ? $"{File}:{Line}: {Text.Get(lang, Reason.Key, Reason.Args)}"
            : $"{File}:{Line}: {Column}: {Text.Get(lang, Reason.Key, Reason.Args)}";
}
