using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SegmentDashboard.Storage;

/// <summary>Registrations of the saved-analyses store (configuration section <c>Storage</c>).</summary>
public static class StorageSetup
{
    /// <summary>
    /// <see cref="StorageOptions"/> from <c>Storage</c> (<c>Storage:Path</c>, default "data" under the
    /// content root), and one instance each of the database, the analyses, sharing, token and audit
    /// stores for the app: they hold no per-user state (each call opens its own connection).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration("Storage")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Storage:Path must name a folder.")
            .ValidateOnStart();
        services.AddSingleton<StoreDatabase>();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<AnalysisLibrary>();
        services.AddSingleton<SharingStore>();
        services.AddSingleton<AccessTokenStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<OwnedAnalyses>();
        services.TryAddSingleton(TimeProvider.System);

        // The Plotly bundle, read once, inlined into downloaded HTML reports.
        services.AddSingleton<Reports.PlotlyScript>();
        return services;
    }
}
