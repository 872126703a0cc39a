using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Tests.Storage;

public class RetentionPolicyTests
{
    [Fact]
    public void Unset_settings_mean_compliance_for_thirty_years() =>
        Assert.Equal(new RetentionPolicy(RetentionMode.Compliance, 30), RetentionPolicy.Parse(null, " "));

    [Theory]
    [InlineData("governance", "1", RetentionMode.Governance, 1)]
    [InlineData("COMPLIANCE", "100", RetentionMode.Compliance, 100)]
    public void Valid_settings_are_taken_whatever_their_case(string mode, string years, RetentionMode expectedMode, int expectedYears) =>
        Assert.Equal(new RetentionPolicy(expectedMode, expectedYears), RetentionPolicy.Parse(mode, years));

    [Theory]
    [InlineData("legal-hold", null, "retention mode")]
    [InlineData("1", null, "retention mode")] // a number is not a mode, though Enum.TryParse would accept it
    [InlineData(null, "0", "retention years")]
    [InlineData(null, "-5", "retention years")]
    [InlineData(null, "thirty", "retention years")]
    [InlineData(null, "101", "retention years")]
    public void Wrong_settings_are_errors_not_silent_defaults(string? mode, string? years, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => RetentionPolicy.Parse(mode, years)).Message);
}
