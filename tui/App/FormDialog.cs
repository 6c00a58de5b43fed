using System.Globalization;
using McsOps.Core;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace McsOps.Tui.App;

/// <summary>One input of a form: its key, its label, what it starts with, and a hint (allowed values, format).</summary>
internal sealed record Field(string Key, string Label, string Initial = "", string Hint = "");

/// <summary>
/// An entry form for one operation. Save builds the operation from what was typed, asks for
/// confirmation (it changes state), runs it, and closes; a mistake — a missing or malformed value, or
/// the operation refusing — is shown in red inside the form, and everything typed stays as it was.
/// </summary>
internal sealed class FormDialog : Dialog
{
    private readonly TuiContext _context;
    private readonly Dictionary<string, TextField> _inputs = new(StringComparer.Ordinal);
    private readonly Label _error;
    private readonly Func<FormValues, (string Confirm, Func<object?> Run)> _build;

    public FormDialog(TuiContext context, string title, IReadOnlyList<Field> fields, Func<FormValues, (string Confirm, Func<object?> Run)> build)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fields);
        _context = context;
        _build = build;
        Title = title;
        Width = Dim.Percent(90);
        var labelWidth = fields.Max(f => Terminal.Gui.Text.StringExtensions.GetColumns(f.Label, true)) + 1;
        var y = 0;
        foreach (var f in fields)
        {
            Add(new Label { Text = f.Label, X = 1, Y = y });
            var input = new TextField { X = labelWidth + 2, Y = y, Width = Dim.Fill(1), Text = f.Initial };
            _inputs[f.Key] = input;
            Add(input);
            y++;
            if (f.Hint.Length > 0)
            {
                // A hint may take several lines (a long list of allowed values, broken with '\n').
                var lines = f.Hint.Split('\n').Length;
                Add(new Label { Text = f.Hint, X = labelWidth + 2, Y = y, Width = Dim.Fill(1), Height = lines });
                y += lines;
            }
        }

        _error = new Label { X = 1, Y = y + 1, Width = Dim.Fill(1), Height = 2, Text = "" };
        _error.SetScheme(new Scheme(new Terminal.Gui.Drawing.Attribute(new Color(ColorName16.BrightRed), Color.None)));
        Add(_error);
        Height = y + 8;

        var save = new Button { Text = context.T("form.ok"), IsDefault = true };
        save.Accepting += (_, e) =>
        {
            e.Handled = true;
            Submit();
        };
        var cancel = new Button { Text = context.T("form.cancel") };
        cancel.Accepting += (_, e) =>
        {
            e.Handled = true;
            RequestStop();
        };
        AddButton(save);
        AddButton(cancel);
        foreach (var input in _inputs.Values)
        {
            // Enter in a field saves, as the default button would.
            input.Accepting += (_, e) =>
            {
                e.Handled = true;
                Submit();
            };
        }

        this.StartOn(_inputs.Values.First());
    }

    public bool Saved { get; private set; }

    /// <summary>The error shown in the form, empty when none.</summary>
    public string Error => _error.Text;

    public string Value(string key) => _inputs[key].Text;

    public void Set(string key, string text) => _inputs[key].Text = text;

    private void Submit()
    {
        try
        {
            var (confirm, run) = _build(new FormValues(_context, _inputs));
            if (!ConfirmDialog.Ask(_context, confirm))
            {
                return;
            }

            run();
            Saved = true;
            RequestStop();
        }
        catch (OpsException e)
        {
            _error.Text = e.Localize(_context.Lang);
        }
        catch (FormInputException e)
        {
            _error.Text = e.Message;
        }
    }
}

/// <summary>The typed values of a form, parsed; a bad value throws a message the form shows inline.</summary>
internal sealed class FormValues(TuiContext context, IReadOnlyDictionary<string, TextField> inputs)
{
    public string Text(string key) => inputs[key].Text.Trim();

    public string? Optional(string key) => Text(key) is { Length: > 0 } s ? s : null;

    public string Required(string key, string label) => Optional(key) ?? throw new FormInputException(context.T("form.required", label));

    public T Code<T>(string key, string label) where T : struct, ICode<T> =>
        McsOps.Core.Code.TryParse<T>(Required(key, label), out var code) ? code : throw Rejected(label, "csv.badcode", Text(key));

    public T? OptionalCode<T>(string key, string label) where T : struct, ICode<T> =>
        Optional(key) is null ? null : Code<T>(key, label);

    public DateOnly Date(string key, string label) => OptionalDate(key, label) ?? throw new FormInputException(context.T("form.required", label));

    public DateOnly? OptionalDate(string key, string label)
    {
        if (Optional(key) is not { } s)
        {
            return null;
        }

        return DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormInputException(context.T("form.date", label));
    }

    public T Token<T>(string key, string label) where T : struct, Enum =>
        Tokens.TryParse<T>(Required(key, label), out var value) ? value : throw Rejected(label, "csv.badenum", Text(key), string.Join("/", Tokens.All<T>()));

    public T? OptionalToken<T>(string key, string label) where T : struct, Enum =>
        Optional(key) is null ? null : Token<T>(key, label);

    /// <summary>はい/いいえ, yes/no, true/false, 1/0 (as the CSV files take them); empty is <paramref name="fallback"/>.</summary>
    public bool Bool(string key, string label, bool fallback = false) => Optional(key)?.ToLowerInvariant() switch
    {
        null => fallback,
        "true" or "yes" or "y" or "1" or "はい" => true,
        "false" or "no" or "n" or "0" or "いいえ" => false,
        _ => throw new FormInputException(context.T("form.yesno", label)),
    };

    /// <summary>Codes separated by ';' (or ',' or spaces), each normalised; empty is none.</summary>
    public IReadOnlyList<T> CodeList<T>(string key, string label) where T : struct, ICode<T>
    {
        var list = new List<T>();
        foreach (var part in Text(key).Split([';', ',', '、', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
        {
            var code = McsOps.Core.Code.TryParse<T>(part, out var c) ? c : throw Rejected(label, "csv.badcode", part);
            if (!list.Contains(code))
            {
                list.Add(code);
            }
        }

        return list;
    }

    private FormInputException Rejected(string label, string messageKey, params object?[] args) =>
        new($"{label}: {context.T(messageKey, args)}");
}

/// <summary>A value typed into a form that cannot be read; the message is already in the user's language.</summary>
internal sealed class FormInputException(string message) : Exception(message);
