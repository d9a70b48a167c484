using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SegmentDashboard.Auth;

/// <summary>
/// Creates the Identity tables in the shared SQLite file when missing. EF's EnsureCreated does
/// nothing in a file that already has tables (the analyses'), so the model's create script is
/// run with IF NOT EXISTS on every table and index; the administrators' role is added once.
/// </summary>
public static class IdentitySchema
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var directory = Path.GetDirectoryName(context.Database.GetDbConnection().DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var script = context.Database.GenerateCreateScript()
            .Replace("CREATE TABLE \"", "CREATE TABLE IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE INDEX \"", "CREATE INDEX IF NOT EXISTS \"", StringComparison.Ordinal);
        await context.Database.ExecuteSqlRawAsync(script, cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(AuthSchemes.AdminRole))
        {
            await roles.CreateAsync(new IdentityRole(AuthSchemes.AdminRole));
        }
    }
}
