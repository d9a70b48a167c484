using System.Security.Cryptography;
using System.Text;

namespace SegmentDashboard.Storage;

/// <summary>
/// Bearer secrets (share links, personal access tokens, the setup token): 256 bits from the
/// operating system's cryptographic generator, base64url; stored only as SHA-256 hashes.
/// </summary>
public static class SecretTokens
{
    /// <summary>Random bytes per secret (256 bits; the brief asks for at least 128).</summary>
    public const int ByteCount = 32;

    /// <summary>A new secret, optionally prefixed (e.g. "sdp_" for personal access tokens, so scanners can spot them).</summary>
    public static string New(string prefix = "")
    {
        Span<byte> bytes = stackalloc byte[ByteCount];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The stored form: lowercase hex SHA-256 of the UTF-8 secret.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Constant-time comparison of a secret against a stored hash.</summary>
    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    /// <summary>A short random id for rows (not a secret).</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[9];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }
}
