using System.Globalization;
using McsOps.Core.Configuration;

namespace McsOps.Bot.Hosting;

/// <summary>A whole number from the configuration, checked when the service is built: a bad value is exit 2 naming the key.</summary>
internal static class ConfigInt
{
    public static int Read(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Settings.Invalid(key, "config.range", text, min, max);
    }
}
