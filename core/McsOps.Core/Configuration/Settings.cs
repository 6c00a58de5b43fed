using Cronos;
using McsOps.Core.Scheduling;
using Microsoft.Extensions.Configuration;

namespace McsOps.Core.Configuration;

/// <summary>
/// The validated, resolved configuration both programs run on. <see cref="Load"/> stops with
/// exit code 2 and a message naming the key at the first bad value.
/// </summary>
public sealed record Settings
{
    public required string DataDirectory { get; init; }

    public required string DatabasePath { get; init; }

    public required string KeyFile { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    public required Lang Language { get; init; }

    public required int IdleTimeoutMinutes { get; init; }

    public required CronExpression SweepSchedule { get; init; }

    public required CronExpression ReviewSchedule { get; init; }

    public required CronExpression DigestSchedule { get; init; }

    public required bool RequireRemovalJustificationForExternal { get; init; }

    public required BackupSettings Backup { get; init; }
    public required string SocketPath { get; init; }

    public string? AdminGroup { get; init; }

    public IReadOnlyList<string> BootstrapAdmins { get; init; } = [];

    public required long MaxRequestBytes { get; init; }

    /// <summary><c>AdminApi:MaxUploadMegabytes</c> in bytes: the largest file the service receives.</summary>
    public long MaxUploadBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary><c>AdminApi:MaxRequestsPerSecond</c>: per OS user, long-polls not counted.</summary>
    public int MaxRequestsPerSecond { get; init; } = 10_000;

    /// <summary>64 GiB: far above any facility's file, low enough that a size in bytes typed as megabytes is caught.</summary>
    private const int MaxUploadMegabytesLimit = 65_536;

    /// <summary>The policies' numbers, with this configuration's zone and schedules.</summary>
    public PolicySettings Policy => new()
    {
        Zone = TimeZone,
        Language = Language,
        ReviewSchedule = ReviewSchedule,
        DigestSchedule = DigestSchedule,
        RequireRemovalJustificationForExternal = RequireRemovalJustificationForExternal,
        PatientDisplay = PatientDisplay,
        QuietFrom = QuietFrom,
        QuietUntil = QuietUntil,
    };

    /// <summary><c>Chat:PatientDisplay</c>.</summary>
    public PatientDisplay PatientDisplay { get; init; }

    /// <summary><c>Chat:QuietHours</c>, facility time: non-urgent messages wait for its end.</summary>
    public TimeOnly QuietFrom { get; init; } = new(20, 0);

    public TimeOnly QuietUntil { get; init; } = new(8, 0);

    /// <summary><c>HH:mm-HH:mm</c> (24-hour clock); exit 2 naming the key otherwise.</summary>
    private static (TimeOnly From, TimeOnly Until) QuietHours(string value)
    {
        var ends = (value ?? string.Empty).Split('-');
        return ends.Length == 2
            && TimeOnly.TryParseExact(ends[0].Trim(), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(ends[1].Trim(), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until)
            ? (from, until)
            : throw Invalid("Chat:QuietHours", "config.quiethours", value);
    }

    /// <summary>The layered configuration of design §9: files, then environment, then overrides.</summary>
    public static IConfigurationRoot Build(IEnumerable<KeyValuePair<string, string?>> overrides, string? etcFile = "/etc/mcsops/appsettings.json")
    {
        var builder = new ConfigurationBuilder();
        AddJson(builder, Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        if (etcFile is not null)
        {
            AddJson(builder, etcFile);
        }

        try
        {
            return builder.AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new OpsException(ExitCode.BadArguments, "config.json", "appsettings.json", e.InnerException?.Message ?? e.Message);
        }
    }

    public static Settings Load(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var ops = Bind<McsOpsOptions>(config, McsOpsOptions.Section);
        var db = Bind<DatabaseOptions>(config, DatabaseOptions.Section);
        var backup = Bind<BackupOptions>(config, BackupOptions.Section);
        var api = Bind<AdminApiOptions>(config, AdminApiOptions.Section);
        var chat = Bind<ChatOptions>(config, ChatOptions.Section);

        var lang = Tokens.TryParse<Lang>(ops.Language, out var l)
            ? l
            : throw Invalid("McsOps:Language", "config.language", ops.Language);
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(ops.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw Invalid("McsOps:TimeZone", "config.timezone", ops.TimeZone);
        }

        if (ops.IdleTimeoutMinutes is < 1 or > 30)
        {
            throw Invalid("McsOps:IdleTimeoutMinutes", "config.idle", ops.IdleTimeoutMinutes);
        }

        if (backup.Generations is < 1 or > 366)
        {
            throw Invalid("Backup:Generations", "config.generations", backup.Generations);
        }

        if (api.MaxRequestMegabytes is < 1 or > 1024)
        {
            throw Invalid("AdminApi:MaxRequestMegabytes", "config.range", api.MaxRequestMegabytes, 1, 1024);
        }

        if (api.MaxUploadMegabytes is < 1 or > MaxUploadMegabytesLimit)
        {
            throw Invalid("AdminApi:MaxUploadMegabytes", "config.range", api.MaxUploadMegabytes, 1, MaxUploadMegabytesLimit);
        }

        if (api.MaxRequestsPerSecond is < 1 or > 1_000_000)
        {
            throw Invalid("AdminApi:MaxRequestsPerSecond", "config.range", api.MaxRequestsPerSecond, 1, 1_000_000);
        }

        var display = Tokens.TryParse<PatientDisplay>(chat.PatientDisplay, out var d)
            ? d
            : throw Invalid("Chat:PatientDisplay", "config.patientdisplay", chat.PatientDisplay);
        var (quietFrom, quietUntil) = QuietHours(chat.QuietHours);

        var dataDir = string.IsNullOrWhiteSpace(ops.DataDirectory) ? DefaultDataDirectory() : Path.GetFullPath(ops.DataDirectory);
        return new Settings
        {
            DataDirectory = dataDir,
            DatabasePath = string.IsNullOrWhiteSpace(db.Path) ? Path.Combine(dataDir, "mcsops.db") : Path.GetFullPath(db.Path),
            KeyFile = string.IsNullOrWhiteSpace(db.KeyFile) ? Path.Combine(dataDir, "mcsops.key") : Path.GetFullPath(db.KeyFile),
            TimeZone = zone,
            Language = lang,
            IdleTimeoutMinutes = ops.IdleTimeoutMinutes,
            SweepSchedule = Cron("McsOps:SweepSchedule", ops.SweepSchedule),
            ReviewSchedule = Cron("McsOps:ReviewSchedule", ops.ReviewSchedule),
            DigestSchedule = Cron("McsOps:DigestSchedule", ops.DigestSchedule),
            RequireRemovalJustificationForExternal = ops.RequireRemovalJustificationForExternal,
            PatientDisplay = display,
            QuietFrom = quietFrom,
            QuietUntil = quietUntil,
            Backup = new BackupSettings(
                string.IsNullOrWhiteSpace(backup.Directory) ? Path.Combine(dataDir, "backups") : Path.GetFullPath(backup.Directory),
                backup.Generations,
                Cron("Backup:Schedule", backup.Schedule),
                string.IsNullOrWhiteSpace(backup.CopyCommand) ? null : backup.CopyCommand),
            SocketPath = string.IsNullOrWhiteSpace(api.SocketPath) ? Path.Combine(dataDir, "admin.sock") : Path.GetFullPath(api.SocketPath),
            AdminGroup = string.IsNullOrWhiteSpace(api.AdminGroup) ? null : api.AdminGroup.Trim(),
            BootstrapAdmins = [.. api.BootstrapAdmins.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim())],
            MaxRequestBytes = api.MaxRequestMegabytes * 1024L * 1024L,
            MaxUploadBytes = api.MaxUploadMegabytes * 1024L * 1024L,
            MaxRequestsPerSecond = api.MaxRequestsPerSecond,
        };
    }

    /// <summary>Creates the data directory (0700) if needed and checks that it can be written.</summary>
    public void EnsureDataDirectory() => EnsureDirectory(DataDirectory, "McsOps:DataDirectory");

    public static void EnsureDirectory(string path, string key)
    {
        try
        {
            if (!Directory.Exists(path))
            {
                // Parents that do not exist yet are ours too (the demo's <data dir>/demo).
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent && !Directory.Exists(parent))
                {
                    EnsureDirectory(parent, key);
                }

                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(path);
                }
                else
                {
                    Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(key, "config.dir", path);
        }
    }

    public static string DefaultDataDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "mcsops");
    }

    public static CronExpression Cron(string key, string expression)
    {
        if (CronExpression.TryParse(expression, CronFormat.Standard, out var cron))
        {
            return cron;
        }

        throw Invalid(key, "config.cron", expression);
    }

    private static T Bind<T>(IConfiguration config, string section) where T : new()
    {
        var options = new T();
        try
        {
            config.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the property and the value it could not convert.
            throw new OpsException(ExitCode.BadArguments, "config.invalid", section, e.InnerException?.Message ?? e.Message);
        }

        return options;
    }

    /// <summary>A whole number at <paramref name="key"/> (<paramref name="fallback"/> when unset); anything else than one from <paramref name="min"/> to <paramref name="max"/> is exit 2 naming the key.</summary>
    public static int Int(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(key, "config.range", text, min, max);
    }

    public static OpsException Invalid(string key, string reasonKey, params object?[] args) =>
        new(ExitCode.BadArguments, "config.invalid", key, new LocalizedReason(reasonKey, args));

    private static void AddJson(IConfigurationBuilder builder, string path)
    {
        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: true, reloadOnChange: false);
        }
    }
}
