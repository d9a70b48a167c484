namespace SegmentDashboard.Core.Samples;

/// <summary>A normal distribution clamped to [Min, Max] and rounded to Step.</summary>
internal readonly record struct Spread(double Mean, double StandardDeviation, double Min, double Max, double Step)
{
    public double Draw(SampleRandom random)
    {
        var value = Math.Clamp(random.Normal(Mean, StandardDeviation), Min, Max);
        return Math.Round(Math.Round(value / Step) * Step, 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>One of the customer groups planted in the sample, with how its columns are drawn.</summary>
internal sealed record PlantedSegment(
    string Name,
    double Weight,
    double FemaleShare,
    Spread Age,
    Spread Income,
    Spread Rating,
    Spread Purchases,
    Spread OrderValue,
    double PrimeShare,
    double[] CategoryWeights,
    Spread Reviews,
    Spread DaysSincePurchase)
{
    /// <summary>Level order of PreferredCategory; <see cref="CategoryWeights"/> follows it.</summary>
    public static readonly string[] Categories =
        ["Electronics", "Books", "Fashion", "Home & Kitchen", "Beauty", "Grocery", "Sports", "Toys & Games"];

    /// <summary>The five planted groups: what K-means on the default features should find.</summary>
    public static readonly PlantedSegment[] All =
    [
        new("Affluent Prime loyalists", 0.22, 0.50,
            Age: new(46, 7, 26, 78, 1), Income: new(128_000, 18_000, 70_000, 250_000, 100),
            Rating: new(4.4, 0.3, 1, 5, 0.1), Purchases: new(46, 8, 15, 120, 1), OrderValue: new(130, 22, 40, 400, 0.01),
            PrimeShare: 0.95, CategoryWeights: [50, 8, 12, 15, 4, 3, 6, 2],
            Reviews: new(6, 3, 0, 40, 1), DaysSincePurchase: new(8, 5, 0, 60, 1)),
        new("Young bargain hunters", 0.24, 0.55,
            Age: new(23, 3, 18, 34, 1), Income: new(30_000, 8_000, 8_000, 70_000, 100),
            Rating: new(4.1, 0.4, 1, 5, 0.1), Purchases: new(34, 7, 5, 90, 1), OrderValue: new(20, 6, 5, 80, 0.01),
            PrimeShare: 0.20, CategoryWeights: [12, 4, 45, 3, 25, 2, 7, 2],
            Reviews: new(3, 2, 0, 20, 1), DaysSincePurchase: new(12, 7, 0, 60, 1)),
        new("Critical reviewers", 0.15, 0.45,
            Age: new(39, 8, 19, 75, 1), Income: new(68_000, 13_000, 20_000, 150_000, 100),
            Rating: new(1.9, 0.4, 1, 5, 0.1), Purchases: new(16, 5, 2, 50, 1), OrderValue: new(55, 13, 10, 200, 0.01),
            PrimeShare: 0.50, CategoryWeights: [28, 45, 6, 8, 4, 3, 4, 2],
            Reviews: new(40, 9, 12, 120, 1), DaysSincePurchase: new(28, 14, 0, 120, 1)),
        new("Lapsed customers", 0.18, 0.50,
            Age: new(54, 10, 20, 85, 1), Income: new(50_000, 13_000, 12_000, 140_000, 100),
            Rating: new(3.4, 0.5, 1, 5, 0.1), Purchases: new(4, 2, 0, 15, 1), OrderValue: new(42, 13, 8, 200, 0.01),
            PrimeShare: 0.08, CategoryWeights: [6, 18, 6, 22, 4, 40, 2, 2],
            Reviews: new(1, 1, 0, 10, 1), DaysSincePurchase: new(230, 55, 100, 600, 1)),
        new("Family home shoppers", 0.21, 0.60,
            Age: new(36, 4, 25, 60, 1), Income: new(82_000, 12_000, 35_000, 160_000, 100),
            Rating: new(4.2, 0.35, 1, 5, 0.1), Purchases: new(24, 5, 6, 70, 1), OrderValue: new(70, 12, 15, 250, 0.01),
            PrimeShare: 0.65, CategoryWeights: [4, 4, 4, 55, 3, 18, 4, 8],
            Reviews: new(4, 2, 0, 25, 1), DaysSincePurchase: new(18, 9, 0, 90, 1)),
    ];
}
