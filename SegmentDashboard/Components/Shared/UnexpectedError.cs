namespace SegmentDashboard.Components.Shared;

/// <summary>
/// What a page shows when something fails that the user did not cause (storage, I/O): a plain
/// sentence and a reference that points to the full exception in the server log. The exception's
/// own message can name files, SQL or internals, so it is logged, never shown.
/// </summary>
public static class UnexpectedError
{
    /// <summary>Logs <paramref name="exception"/> under a new reference and returns the sentence to show.</summary>
    /// <param name="whatFailed">What the user tried, as a sentence without a full stop ("The analysis could not be saved").</param>
    public static string Describe(Exception exception, ILogger logger, string whatFailed)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var reference = Guid.NewGuid().ToString("N")[..12];
        logger.LogError(exception, "{WhatFailed} (reference {Reference}).", whatFailed, reference);
        return $"{whatFailed}. Something went wrong on the server; it has been logged under reference {reference}.";
    }
}
