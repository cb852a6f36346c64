using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Portal.Web.Features.Supervision;

namespace Portal.UnitTests.Supervision;

/// <summary>The heat map's colours: green ≥ 95 %, yellow ≥ 80 %, red below by default (on-time rate), per indicator, from configuration.</summary>
public sealed class HeatMapColourTests
{
    private static SupervisionQueries Queries(Dictionary<string, string?>? settings = null) =>
        new(null!, null!, TimeProvider.System, new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(), new MemoryCache(new MemoryCacheOptions()));

    [Theory]
    [InlineData(Indicator.OnTime, 95.0, "green")]
    [InlineData(Indicator.OnTime, 94.9, "yellow")]
    [InlineData(Indicator.OnTime, 80.0, "yellow")]
    [InlineData(Indicator.OnTime, 79.9, "red")]
    [InlineData(Indicator.Online, 50.0, "green")]
    [InlineData(Indicator.Online, 30.0, "yellow")]
    [InlineData(Indicator.Online, 29.9, "red")]
    [InlineData(Indicator.Satisfaction, 90.0, "green")]
    [InlineData(Indicator.Satisfaction, 75.0, "yellow")]
    [InlineData(Indicator.Satisfaction, 74.9, "red")]
    public void The_default_thresholds_colour_each_indicator(Indicator indicator, double value, string colour) =>
        Assert.Equal(colour, Queries().Colour(value, indicator));

    [Fact]
    public void Nothing_to_judge_is_no_colour() => Assert.Equal("none", Queries().Colour(null, Indicator.OnTime));

    [Fact]
    public void The_thresholds_come_from_configuration()
    {
        var queries = Queries(new()
        {
            ["Stats:GreenAtLeast"] = "90", ["Stats:YellowAtLeast"] = "50",
            ["Stats:OnlineGreenAtLeast"] = "80", ["Stats:OnlineYellowAtLeast"] = "60",
        });

        Assert.Equal((90.0, 50.0), queries.Thresholds(Indicator.OnTime));
        Assert.Equal("green", queries.Colour(90, Indicator.OnTime));
        Assert.Equal("yellow", queries.Colour(50, Indicator.OnTime)); // red under the defaults
        Assert.Equal("yellow", queries.Colour(70, Indicator.Online)); // green under the defaults
        Assert.Equal("red", queries.Colour(59, Indicator.Online));
    }
}
