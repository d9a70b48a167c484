namespace SegmentDashboard.Storage;

/// <summary>
/// Who is acting on saved analyses: a signed-in user (by user name), or the one implicit owner of
/// personal mode. Administrators manage every analysis.
/// </summary>
/// <param name="Name">The user name (owners and shares are stored by it; compared case-insensitively).</param>
/// <param name="IsAdmin">Sees, manages and audits every analysis.</param>
public sealed record Actor(string Name, bool IsAdmin)
{
    /// <summary>The one owner of personal mode (no sign-in): sees everything, as before sign-in existed.</summary>
    public static Actor Personal { get; } = new("personal", IsAdmin: true);

    /// <summary>True when <paramref name="userName"/> names this actor.</summary>
    public bool Is(string? userName) => string.Equals(Name, userName, StringComparison.OrdinalIgnoreCase);
}
