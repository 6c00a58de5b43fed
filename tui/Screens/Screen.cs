using McsOps.Core;
using McsOps.Tui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace McsOps.Tui.Screens;

/// <summary>
/// One screen of the program (one class per screen), shown inside the <see cref="Shell"/>, which
/// keeps the stack of open screens: the breadcrumb in the title, Esc back one level, the keys
/// every screen shares. A screen adds its own keys with <see cref="Bind"/>; they show in the
/// status bar and in the help, and a key that changes data is refused for the auditor.
/// </summary>
internal abstract class Screen : View
{
    private readonly List<ScreenKey> _keys = [];

    protected Screen(TuiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    public TuiContext Context { get; }

    /// <summary>Set when the screen is pushed.</summary>
    public Shell Shell { get; internal set; } = null!;

    /// <summary>This screen's part of the breadcrumb.</summary>
    public abstract string Crumb { get; }

    /// <summary>The screen's own keys (the shell adds the shared ones).</summary>
    public IReadOnlyList<ScreenKey> ScreenKeys => _keys;

    /// <summary>Extra lines for the help that are not single keys (filter, selection, Enter).</summary>
    public virtual IReadOnlyList<KeyHelp> MoreHelp => [];

    /// <summary>Reads the data again, keeping the cursor and the filter.</summary>
    public abstract void Refresh();

    /// <summary>Esc: true when the screen used it itself (closing its filter); otherwise the shell goes back.</summary>
    public virtual bool Back() => false;

    protected string T(string key, params object?[] args) => Context.T(key, args);

    protected void Bind(Key key, string label, string help, Action action, bool changes = false) =>
        _keys.Add(new ScreenKey(key, label, help, action, changes));

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var k in _keys)
        {
            if (k.Key == key)
            {
                if (k.Changes && Context.ReadOnly)
                {
                    Shell.Notify(T("tui.readonly"));
                }
                else
                {
                    k.Action();
                }

                return true;
            }
        }

        return base.OnKeyDown(key);
    }
}

/// <summary>A key of one screen: what it shows in the status bar and in the help, and what it does.</summary>
internal sealed record ScreenKey(Key Key, string Label, string Help, Action Action, bool Changes);
