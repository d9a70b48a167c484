namespace SegmentDashboard.Api;

/// <summary>
/// A request the API refuses, with the status and a detail a person can act on. Thrown by the
/// parsing and upload code, turned into problem JSON by <see cref="ProblemResults"/>.
/// </summary>
internal sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string detail, string? parameter = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Parameter = parameter;
    }

    public int Status { get; }

    public string Title { get; }

    /// <summary>The query parameter at fault, as the client spelled it in the documentation.</summary>
    public string? Parameter { get; }

    public static ApiProblemException BadParameter(string parameter, string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid parameter", detail, parameter);

    public static ApiProblemException BadInput(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid input", detail);

    public static ApiProblemException TooLarge(long maxBytes) =>
        new(
            StatusCodes.Status413PayloadTooLarge,
            "Upload too large",
            $"The upload is larger than the limit of {maxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (Upload:MaxBytes). Send a smaller file or ask the operator to raise the limit.");
}
