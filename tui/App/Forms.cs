namespace McsOps.Tui.App;

/// <summary>Runs an entry form as a modal dialog on top of the current screen.</summary>
internal static class Forms
{
    /// <summary>Shows the form; true when the operation ran.</summary>
    public static bool Show(TuiContext context, string title, IReadOnlyList<Field> fields, Func<FormValues, (string Confirm, Func<object?> Run)> build)
    {
        using var form = new FormDialog(context, title, fields, build);
        context.App.Run(form);
        return form.Saved;
    }
}
