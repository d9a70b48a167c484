using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Pages;

/// <summary>The Segments tab: settings that recompute live, quality metrics and the evaluation charts.</summary>
public sealed partial class SegmentsPage
{
    private const string Pca = "pca";
    private const string Columns = "columns";

    private readonly FigureMemo _figures = new();
    private string _scatterView = Pca;
    private string? _scatterX;
    private string? _scatterY;
    private bool _settingsOpen = true;

    private IEnumerable<string> CandidateFeatures =>
        State.Dataset?.Columns.Where(c => ColumnView.CanBeFeature(c.Kind)).Select(c => c.Name) ?? [];

    private string[] NumericColumns =>
        State.Dataset?.Columns.Where(c => c is NumericColumn { Kind: ColumnKind.Numeric }).Select(c => c.Name).ToArray() ?? [];

    private string? ScatterX => _scatterX ?? NumericColumns.FirstOrDefault();

    private string? ScatterY => _scatterY ?? NumericColumns.Skip(1).FirstOrDefault() ?? ScatterX;

    private static string ScatterViewLabel(string? view) => view == Columns ? "Two columns" : "Principal components";

    private void ToggleSettings() => _settingsOpen = !_settingsOpen;

    private void SelectAllFeatures() =>
        State.UpdateSettings(State.Settings with { Features = CandidateFeatures.ToImmutableArray() });

    private void ResetFeatures()
    {
        if (State.Dataset is { } dataset)
        {
            State.UpdateSettings(State.Settings with { Features = Preprocessor.DefaultFeatures(dataset).ToImmutableArray() });
        }
    }

    private void OnAlgorithmChanged(ClusteringAlgorithm algorithm) =>
        // Keep the k on screen when switching methods, so the comparison is like for like.
        State.UpdateSettings(State.Settings with { Algorithm = algorithm, ClusterCount = State.Settings.ClusterCount ?? State.Result?.ClusterCount });

    private void OnLinkageChanged(LinkageMethod linkage) =>
        State.UpdateSettings(State.Settings with { Linkage = linkage });

    private void OnScalingChanged(ScalingMethod scaling) =>
        State.UpdateSettings(State.Settings with { Scaling = scaling });

    private void OnMissingChanged(MissingValueStrategy missing) =>
        State.UpdateSettings(State.Settings with { Missing = missing });

    private void OnKInput(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
            && k >= SegmentationRequest.MinClusterCount && k <= State.MaxClusterCount)
        {
            State.UpdateSettings(State.Settings with { ClusterCount = k });
        }
    }

    private void OnKSlid(int k) => State.UpdateSettings(State.Settings with { ClusterCount = k });

    private void UseSuggestedK() => State.UpdateSettings(State.Settings with { ClusterCount = null });

    private void OnEpsChanged(double eps)
    {
        if (eps > 0)
        {
            State.UpdateSettings(State.Settings with { Eps = eps });
        }
    }

    /// <summary>An empty field means the default gamma; a negative or non-finite value is ignored.</summary>
    private void OnGammaChanged(double? gamma)
    {
        if (gamma is null || (gamma >= 0 && double.IsFinite(gamma.Value)))
        {
            State.UpdateSettings(State.Settings with { Gamma = gamma });
        }
    }

    /// <summary>The gamma the current k-prototypes result used when the field is empty, in words.</summary>
    private string GammaHelp =>
        State.Result is { Gamma: { } used } && State.Settings.Gamma is null
            ? $"Empty: the default from the numeric spread ({used.ToString("G3", CultureInfo.InvariantCulture)} now)"
            : "Empty: the default from the numeric spread (half their mean standard deviation)";

    private void OnMinSamplesChanged(int minSamples)
    {
        if (minSamples >= 1)
        {
            State.UpdateSettings(State.Settings with { MinSamples = minSamples });
        }
    }

    private void OnSeedChanged(int seed)
    {
        if (seed >= 0)
        {
            State.UpdateSettings(State.Settings with { Seed = seed });
        }
    }

    private static string ScatterSubtitle(SegmentationResult result) =>
        result.Labels.Length > Downsampler.DefaultMaxPoints
            ? $"{Downsampler.DefaultMaxPoints.ToString(CultureInfo.InvariantCulture)} of {result.Labels.Length.ToString(CultureInfo.InvariantCulture)} customers shown (stratified by segment); hover for the row"
            : "Hover a point to see the customer's row";

    private static string SilhouetteSubtitle(SegmentationResult result) =>
        result.Silhouette.IsSampled
            ? $"Estimated from {result.Silhouette.SampleSize.ToString(CultureInfo.InvariantCulture)} customers (± {FigureText.Number(result.Silhouette.StandardError, 3)}); dashed line = mean"
            : "Dashed line = mean; bars below zero sit closer to another segment";

    private static string DendrogramSubtitle(Dendrogram dendrogram, SegmentationResult result) =>
        dendrogram.LeafCount > DendrogramFigure.DefaultMaxLeaves
            ? $"Top merges of {dendrogram.LeafCount.ToString(CultureInfo.InvariantCulture)} {(result.DendrogramLeavesAreCustomers ? "customers" : "micro-clusters")}; dashed line = cut for k = {result.ClusterCount.ToString(CultureInfo.InvariantCulture)}"
            : $"Dashed line = cut for k = {result.ClusterCount.ToString(CultureInfo.InvariantCulture)}";

    private PlotlyFigure ScatterFigure(SegmentationResult result)
    {
        var names = State.SegmentNames();
        if (_scatterView == Columns && ScatterX is { } x && ScatterY is { } y)
        {
            return _figures.Get("scatter", () => ScatterFigures.Columns(result.Dataset, x, y, result.RowLabels, names), result, x, y, NamesKey(names));
        }

        return _figures.Get("scatter", () => ScatterFigures.Pca(result, names), result, NamesKey(names));
    }

    private PlotlyFigure SizesFigure(SegmentationResult result)
    {
        var names = State.SegmentNames();
        return _figures.Get("sizes", () => EvaluationFigures.Sizes(result, names), result, NamesKey(names));
    }

    private PlotlyFigure SilhouetteFigure(SegmentationResult result)
    {
        var names = State.SegmentNames();
        return _figures.Get("silhouette", () => EvaluationFigures.PerSample(result.Silhouette, result.Labels, names), result, NamesKey(names));
    }

    private PlotlyFigure ElbowFigure(KSweepResult sweep, SegmentationResult result) =>
        _figures.Get("elbow", () => EvaluationFigures.Elbow(sweep, result.ClusterCount), sweep, result.ClusterCount);

    private PlotlyFigure QualityFigure(KSweepResult sweep, SegmentationResult result) =>
        _figures.Get("quality", () => EvaluationFigures.QualityByK(sweep, result.ClusterCount), sweep, result.ClusterCount);

    private PlotlyFigure DendrogramChart(Dendrogram dendrogram, SegmentationResult result) =>
        _figures.Get(
            "dendrogram",
            () => DendrogramFigure.Build(dendrogram, result.ClusterCount, result.DendrogramLeavesAreCustomers ? result.Labels : null),
            dendrogram,
            result.ClusterCount);

    /// <summary>Names change when the user renames a segment: part of the figure's key.</summary>
    private static string NamesKey(IReadOnlyDictionary<int, string> names) =>
        string.Join('\u001f', names.OrderBy(n => n.Key).Select(n => n.Value));
}
