namespace SegmentDashboard.Storage;

/// <summary>A personal access token as listed (the secret itself is shown once, at creation, and stored hashed).</summary>
public sealed record AccessToken(string Id, string UserName, string Label, DateTimeOffset CreatedUtc, DateTimeOffset? RevokedUtc);

/// <summary>A token just created: its record and the secret, shown this once.</summary>
public sealed record CreatedAccessToken(AccessToken Token, string Secret);
