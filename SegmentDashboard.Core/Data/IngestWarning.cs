namespace SegmentDashboard.Core.Data;

/// <summary>Something the loader repaired or skipped, said so a marketer understands it.</summary>
/// <param name="Message">e.g. "Column 18 was renamed 'Rating (2)' because 'Rating' already exists."</param>
/// <param name="Line">1-based physical line in the file, when it applies.</param>
/// <param name="Column">1-based column, when it applies.</param>
public sealed record IngestWarning(string Message, int? Line = null, int? Column = null);
