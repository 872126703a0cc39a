using FormArchive.Api;
using FormArchive.Api.Settings;
using Microsoft.Extensions.Configuration;

namespace FormArchive.Tests.Api;

/// <summary>The service's FormArchive:Fonds section: per-unit entries over a default, and the embedded defaults without it.</summary>
public sealed class FondsSettingsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void Units_are_read_from_the_configuration_section_over_its_default()
    {
        var fonds = ArchiveSettings.Fonds(Config(new()
        {
            ["FormArchive:Fonds:Default:RetentionPeriod"] = "永久",
            ["FormArchive:Fonds:Units:秋浦街道:FondsName"] = "池州市贵池区秋浦街道办事处",
            ["FormArchive:Fonds:Units:秋浦街道:FondsCode"] = "J012",
            ["FormArchive:Fonds:Units:秋浦街道:CatalogNo"] = "3",
        }));
        var unit = fonds.For("秋浦街道", null);
        Assert.Equal(("池州市贵池区秋浦街道办事处", "J012", "3", "永久"), (unit.FondsName, unit.FondsCode, unit.CatalogNo, unit.RetentionPeriod));
        Assert.Equal(("", "永久"), (fonds.For("梅龙镇", null).FondsCode, fonds.For("梅龙镇", null).RetentionPeriod));
    }

    [Fact]
    public void Without_the_section_the_embedded_defaults_apply()
    {
        var unit = ArchiveSettings.Fonds(Config(new())).For("秋浦街道", null);
        Assert.Equal(("", "", "30年"), (unit.FondsCode, unit.CatalogNo, unit.RetentionPeriod));
    }

    [Fact]
    public void An_unknown_key_in_the_section_is_refused_naming_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ArchiveSettings.Fonds(Config(new()
        {
            ["FormArchive:Fonds:Units:秋浦街道:FondsCode"] = "J012",
            ["FormArchive:Fonds:Units:秋浦街道:Catalog"] = "3",
        })));
        Assert.StartsWith("FormArchive:Fonds 设置有误：未知的设置项“Catalog”（位于 Units.秋浦街道）", e.Message);
    }
}
