namespace SegmentDashboard.State;

/// <summary>
/// The dashboard's colour scheme. The layout owns the choice and cascades it; MudBlazor's theme
/// provider and every chart restyle from it.
/// </summary>
public enum UiTheme
{
    Light,
    Dark,
}
