using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace SegmentDashboard.Components.Data;

/// <summary>
/// Drop zone and progress bar of the Data page. The native <see cref="InputFile"/> covers the zone,
/// so a dropped file lands on it (the browser's own drop on a file input), a click opens the
/// picker, and it is reachable with Tab. The page owns the upload; this only shows it.
/// </summary>
public sealed partial class UploadZone
{
    private bool _dragging;

    /// <summary>True while a file is uploaded or read: the input is disabled and the bar shows.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Progress of the upload and load, 0–100.</summary>
    [Parameter]
    public double Percent { get; set; }

    /// <summary>What is happening ("Uploading orders.csv…", "Inferring column types").</summary>
    [Parameter]
    public string Stage { get; set; } = string.Empty;

    /// <summary>The largest accepted file, as said to the user ("256 MB").</summary>
    [Parameter, EditorRequired]
    public string MaxSizeText { get; set; } = string.Empty;

    /// <summary>A file was chosen or dropped.</summary>
    [Parameter, EditorRequired]
    public EventCallback<InputFileChangeEventArgs> OnFileSelected { get; set; }

    private Task OnChangeAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        return OnFileSelected.InvokeAsync(e);
    }
}
