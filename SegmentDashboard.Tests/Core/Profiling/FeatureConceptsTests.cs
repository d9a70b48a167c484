using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Tests.Core.Profiling;

public sealed class FeatureConceptsTests
{
    [Theory]
    [InlineData("Annual Income (k$)", "Income")]
    [InlineData("Income", "Income")]
    [InlineData("AnnualIncome", "Income")]
    [InlineData("Spending Score (1-100)", "Spend")]
    [InlineData("AvgOrderValue", "Spend")]
    [InlineData("Rating", "Rating")]
    [InlineData("AvgRatingGiven", "Rating")]
    [InlineData("Purchase_Frequency", "Frequency")]
    [InlineData("PurchasesPerYear", "Frequency")]
    [InlineData("age", "Age")]
    [InlineData("Average", "Generic")]
    [InlineData("DaysSinceLastPurchase", "Recency")]
    [InlineData("PrimeMember", "Membership")]
    [InlineData("ReviewsWritten", "Reviews")]
    [InlineData("Fresh", "Generic")]
    [InlineData("Customer_Reviews_Importance", "Generic")]
    [InlineData("Review_Left", "Reviews")]
    public void Classify_RealHeaders_Recognised(string header, string concept)
    {
        Assert.Equal(concept, FeatureConcepts.Classify(header).ToString());
    }

    [Theory]
    [InlineData("AvgRatingGiven", "avg rating given")]
    [InlineData("Annual Income (k$)", "annual income (k$)")]
    [InlineData("Purchase_Frequency", "purchase frequency")]
    public void Friendly_Headers_ReadableWords(string header, string expected)
    {
        Assert.Equal(expected, FeatureConcepts.Friendly(header));
    }
}
