namespace SegmentDashboard.State;

/// <summary>One progress report of a run: the stage and the fraction in [0, 1] of it, kept together.</summary>
public sealed record RunProgress(string Stage, double Fraction)
{
    public static readonly RunProgress None = new(string.Empty, 0);
}
