using System.Collections.Immutable;

namespace SegmentDashboard.Figures;

/// <summary>
/// Hover texts of a figure's points, by row id: traces name their points' rows in
/// <c>customdata</c> instead of carrying the texts. The live chart ships each row's text to the
/// browser once per <see cref="Source"/> (a k change regroups the same customers, so it resends
/// ids, not hundreds of KB of text); <see cref="PlotlyFigure.ToJson"/> inlines them. A text is
/// written when it is asked for, so a k change whose rows the browser already has writes none.
/// </summary>
/// <param name="Source">What the row ids index (the dataset): a different source starts a new table.</param>
/// <param name="Ids">The row ids the figure's points name.</param>
/// <param name="TextOf">A row id's hover text (already HTML-encoded); a pure function of the row.</param>
public sealed record RowTexts(object Source, ImmutableArray<int> Ids, Func<int, string> TextOf);
