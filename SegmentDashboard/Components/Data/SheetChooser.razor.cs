using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;

namespace SegmentDashboard.Components.Data;

/// <summary>
/// The sheet select of an uploaded workbook (data-testid <c>sheet-chooser</c>, select <c>sheet-select</c>),
/// shown when the workbook has more than one sheet; the page reads the chosen sheet.
/// </summary>
public sealed partial class SheetChooser
{
    /// <summary>The workbook's file name.</summary>
    [Parameter, EditorRequired]
    public string FileName { get; set; } = string.Empty;

    /// <summary>The workbook's sheets in order.</summary>
    [Parameter, EditorRequired]
    public ImmutableArray<string> Sheets { get; set; } = [];

    /// <summary>The sheet read (or being read).</summary>
    [Parameter]
    public string? Sheet { get; set; }

    /// <summary>True while a sheet is loading.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The user chose another sheet.</summary>
    [Parameter, EditorRequired]
    public EventCallback<string> OnChoose { get; set; }

    private Task OnSheetChanged(string sheet) => sheet == Sheet ? Task.CompletedTask : OnChoose.InvokeAsync(sheet);
}
