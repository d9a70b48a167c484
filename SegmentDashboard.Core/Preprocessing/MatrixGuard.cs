using System.Globalization;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>
/// The check where values enter the clustering engine: every scaled value must be finite and small
/// enough that squared distances and Ward's merge costs cannot overflow. Anything else is the
/// user's data or settings, reported as an <see cref="InvalidInputException"/> naming the column.
/// </summary>
public static class MatrixGuard
{
    /// <summary>Largest magnitude a scaled value may have: squares of differences times row counts stay far below double's 1.8e308.</summary>
    public const double MaxMagnitude = 1e100;

    /// <param name="dataset">The data <paramref name="prepared"/> came from (the messages quote its values).</param>
    public static void RequireClusterable(PreparedData prepared, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(dataset);
        var x = prepared.Matrix;
        for (var j = 0; j < x.Columns; j++)
        {
            for (var i = 0; i < x.Rows; i++)
            {
                var value = x[i, j];
                if (!double.IsFinite(value))
                {
                    throw OptionErrors.Invalid(
                        string.Create(CultureInfo.InvariantCulture, $"Feature '{ColumnName(prepared, j)}' has a value that is not a finite number (row {prepared.SourceRows[i] + 1:N0}: {Describe(prepared, dataset, i, j)}). Remove NaN and infinite values, or values so large that scaling overflows, from the file."),
                        "Features");
                }

                if (Math.Abs(value) > MaxMagnitude)
                {
                    throw OptionErrors.Invalid(
                        string.Create(CultureInfo.InvariantCulture, $"Feature '{ColumnName(prepared, j)}' has values as large as {value:G3} (row {prepared.SourceRows[i] + 1:N0}), too large to measure distances between customers. Choose a scaling (z-score, min-max or robust) or rescale the column."),
                        "Scaling");
                }
            }
        }
    }

    private static string ColumnName(PreparedData prepared, int column) =>
        column < prepared.Features.Length ? prepared.Features[column].Name : prepared.Matrix.ColumnNames[column];

    /// <summary>The file's value behind a matrix entry (a numeric feature is its column's value, unscaled).</summary>
    private static string Describe(PreparedData prepared, Dataset dataset, int row, int column) =>
        column < prepared.Features.Length && prepared.Features[column].Level is null
            && dataset.Find(prepared.Features[column].SourceColumn) is NumericColumn numeric && row < prepared.SourceRows.Length
            ? numeric.Values[prepared.SourceRows[row]].ToString("G4", CultureInfo.InvariantCulture)
            : "not a number";
}
