namespace McsOps.Core.Configuration;

/// <summary>Section <c>McsOps</c> (design §9). Defaults here are the documented defaults.</summary>
public sealed class McsOpsOptions
{
    public const string Section = "McsOps";

    /// <summary>Empty means <c>$XDG_DATA_HOME/mcsops</c>, else <c>~/.local/share/mcsops</c>.</summary>
    public string? DataDirectory { get; set; }

    public string TimeZone { get; set; } = "Asia/Tokyo";

    public string Language { get; set; } = "ja";

    public int IdleTimeoutMinutes { get; set; } = 15;

    public string SweepSchedule { get; set; } = "*/15 * * * *";

    public string ReviewSchedule { get; set; } = "0 9 1 1,4,7,10 *";

    public string DigestSchedule { get; set; } = "30 8 * * 1-5";

    public bool RequireRemovalJustificationForExternal { get; set; } = true;
}
