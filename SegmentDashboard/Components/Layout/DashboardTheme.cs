using MudBlazor;

namespace SegmentDashboard.Components.Layout;

/// <summary>
/// The dashboard's MudBlazor theme: an indigo accent with a navy app bar, the system font stack
/// (no web fonts: demos run offline), text colours that keep WCAG AA contrast in both palettes. The
/// drawer's text is set too: MudBlazor's default is half-transparent, which reads as disabled on the
/// dark palette.
/// </summary>
public static class DashboardTheme
{
    private static readonly string[] FontStack =
        ["\"Segoe UI\"", "system-ui", "-apple-system", "Roboto", "\"Helvetica Neue\"", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4056d6",
            Secondary = "#c2410c",
            Tertiary = "#12845b",
            AppbarBackground = "#111a3a",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            TextPrimary = "#1f2937",
            TextSecondary = "#4b5563",
            DrawerText = "#1f2937",
            DrawerIcon = "#4b5563",
            LinesDefault = "#e4e7ee",
            TableLines = "#eceff4",
            Error = "#c62828",
            Success = "#12845b",
            Warning = "#9a5b00",
            Info = "#1259a8",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ea2ff",
            Secondary = "#fb923c",
            Tertiary = "#3dd68c",
            AppbarBackground = "#0b1126",
            AppbarText = "#e5e7eb",
            Background = "#0f1424",
            Surface = "#182036",
            TextPrimary = "#e5e7eb",
            TextSecondary = "#b4bccc",
            DrawerText = "#e5e7eb",
            DrawerIcon = "#b4bccc",
            LinesDefault = "#2c3550",
            TableLines = "#263049",
            TableStriped = "rgba(255,255,255,0.035)", // MudBlazor's dark default striped the preview in a grey band
            TableHover = "rgba(255,255,255,0.07)",
            Error = "#ff8a80",
            Success = "#3dd68c",
            Warning = "#ffc53d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = ".9375rem" },
            // Sentence case, like the page's own buttons (MudBlazor's default is all capitals).
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
