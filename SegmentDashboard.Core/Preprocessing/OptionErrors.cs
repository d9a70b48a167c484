namespace SegmentDashboard.Core.Preprocessing;

/// <summary>
/// Builds <see cref="InvalidInputException"/>s whose ParamName is an options or request property
/// (e.g. "Features", "ClusterCount") rather than a method parameter, so that the UI can put the
/// message next to the right field.
/// </summary>
internal static class OptionErrors
{
    public static InvalidInputException Invalid(string message, string property) => new(message, property);
}
