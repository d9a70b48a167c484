using Microsoft.Extensions.Diagnostics.HealthChecks;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>/readyz: the SQLite store opens and its schema is the current version. Says nothing else.</summary>
public sealed class StoreReadyCheck(StoreDatabase database) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.ReadVersionAsync(cancellationToken) == StoreDatabase.SchemaVersion
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}
