using McsOps.Core;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace McsOps.Tui.Screens;

/// <summary>期限切れ in red, 本日期限 in yellow, 近日期限 in the screen's own colour.</summary>
internal static class SeverityColors
{
    public static Color? Foreground(Severity severity) => severity switch
    {
        Severity.Overdue => new Color(ColorName16.BrightRed),
        Severity.Due => new Color(ColorName16.BrightYellow),
        _ => null,
    };

    /// <summary>The attribute for a severity on top of <paramref name="normal"/>.</summary>
    public static Attribute On(Severity severity, Attribute normal) =>
        Foreground(severity) is { } fg ? new Attribute(fg, normal.Background) : normal;
}
