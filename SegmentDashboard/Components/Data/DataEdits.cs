using SegmentDashboard.Core.Data;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Data;

/// <summary>Edits of the current dataset made on the Data page (a label, the NA switch).</summary>
public static class DataEdits
{
    /// <summary>
    /// Makes <paramref name="edited"/> (the current dataset with one column's label or values
    /// changed) current and keeps the user's settings: the features they picked that still exist.
    /// </summary>
    public static void Replace(DashboardState state, Dataset edited)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(edited);
        if (ReferenceEquals(state.Dataset, edited))
        {
            return;
        }

        var settings = state.Settings;
        state.UseDataset(edited);
        state.UpdateSettings(settings with { Features = [.. settings.Features.Where(name => edited.Find(name) is not null)] });
    }
}
