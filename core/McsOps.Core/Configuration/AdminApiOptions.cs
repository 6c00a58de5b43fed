namespace McsOps.Core.Configuration;

/// <summary>
/// Section <c>AdminApi</c> (design §9): where the service's admin socket is, which group may
/// connect to it, and who counts as an admin before any staff record does.
/// </summary>
public sealed class AdminApiOptions
{
    public const string Section = "AdminApi";

    /// <summary>Empty means <c>&lt;DataDirectory&gt;/admin.sock</c>. Both programs read it: <c>mcsops</c> looks for the service there.</summary>
    public string? SocketPath { get; set; }

    /// <summary>The OS group the socket is given to (mode 0660); empty leaves the service's own group.</summary>
    public string? AdminGroup { get; set; }

    /// <summary>OS users who count as admins while no staff record holds the admin role with an <c>os_user</c>.</summary>
    public string[] BootstrapAdmins { get; set; } = [];

    /// <summary>The largest JSON request the admin API reads (an operation's record; a file travels beside it, not in it).</summary>
    public int MaxRequestMegabytes { get; set; } = 8;

    /// <summary>
    /// The largest file the service receives on the socket (an import's CSV, a backup to verify): it
    /// is copied to a private file under the data directory while the operation runs, so this bounds
    /// the disk one request may take. A region's backup is ~115 MB, its memberships CSV ~14 MB.
    /// </summary>
    public int MaxUploadMegabytes { get; set; } = 1024;

    /// <summary>
    /// Requests per second one OS user (uid) may send before the socket answers 429 for the rest of
    /// that second. High enough for the TUI and a benchmark of thousands of sequential queries; the
    /// long-poll <c>GET /changes?since=</c> is not counted.
    /// </summary>
    public int MaxRequestsPerSecond { get; set; } = 10_000;
}
