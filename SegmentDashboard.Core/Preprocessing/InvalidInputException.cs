namespace SegmentDashboard.Core.Preprocessing;

/// <summary>
/// The one signal that the user's data or parameters are wrong: its message names the problem and
/// what to do, and <see cref="ArgumentException.ParamName"/> is the request property concerned.
/// The API answers it with 400 and its message; any other exception is an internal error (logged
/// with a correlation id and shown as a generic message). Derives from <see cref="ArgumentException"/>
/// only so existing callers that catch argument errors keep working; handlers test for this type.
/// </summary>
public sealed class InvalidInputException : ArgumentException
{
    public InvalidInputException()
    {
    }

    public InvalidInputException(string message)
        : base(message)
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidInputException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
