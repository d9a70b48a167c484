using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Api;

/// <summary>A column the API computed from a date or a birth year before segmenting (<see cref="DerivedFeatures"/>).</summary>
/// <param name="Name">The column's name, as listed in <c>features</c> when used ("Days since Last_Purchase", "Tenure (days)", "Age").</param>
/// <param name="Source">The file's column it was computed from.</param>
/// <param name="Kind"><c>daysSince</c>, <c>tenure</c> or <c>age</c>.</param>
/// <param name="Reason">What it counts and to which day ("days from 'Last_Purchase' to 2014-10-04 (the last date in the file)").</param>
/// <param name="IsDefault">True when it is among the default features.</param>
public sealed record DerivedFeatureResponse(string Name, string Source, string Kind, string Reason, bool IsDefault)
{
    public static DerivedFeatureResponse From(DerivedFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var kind = feature.Kind switch
        {
            DerivedFeatureKind.Tenure => "tenure",
            DerivedFeatureKind.Age => "age",
            _ => "daysSince",
        };
        return new DerivedFeatureResponse(feature.Name, feature.Source, kind, feature.Reason, feature.IsDefault);
    }
}
