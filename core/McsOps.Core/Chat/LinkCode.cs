using System.Security.Cryptography;
using System.Text;

namespace McsOps.Core;

/// <summary>A one-time chat link code, kept as a hash only, valid until <see cref="ExpiresAt"/>.</summary>
public sealed record LinkCode(string Hash, StaffCode Staff, DateTimeOffset ExpiresAt)
{
    public static string HashOf(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}
