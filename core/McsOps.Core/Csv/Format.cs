using System.Globalization;

namespace McsOps.Core.Csv;

/// <summary>How values are written into cells: the inverse of <see cref="RowReader"/>.</summary>
public static class Format
{
    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Bool(bool b) => b ? "true" : "false";

    public static string? Code<T>(T? code) where T : struct, ICode<T> => code?.Value;

    public static string? Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? Tokens.Format(v) : null;

    public static string? List<T>(IEnumerable<T> codes) where T : struct, ICode<T>
    {
        var s = string.Join(';', codes.Select(c => c.Value));
        return s.Length == 0 ? null : s;
    }

    public static string? Roles(StaffRoles roles)
    {
        var parts = new List<string>();
        if (roles.HasFlag(StaffRoles.Admin))
        {
            parts.Add(Tokens.Format(StaffRoles.Admin));
        }

        if (roles.HasFlag(StaffRoles.Auditor))
        {
            parts.Add(Tokens.Format(StaffRoles.Auditor));
        }

        return parts.Count == 0 ? null : string.Join(';', parts);
    }
}
