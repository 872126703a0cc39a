using FormArchive.Archive.Cases;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Fonds;

public sealed class FondsRegistryTests
{
    /// <summary>Two units and a default, as an operator would configure them.</summary>
    public static FondsRegistry Configured() => new(
        new FondsUnit { RetentionPeriod = "永久", Classification = "内部" },
        new Dictionary<string, FondsUnit>
        {
            ["秋浦街道"] = new() { FondsName = "池州市贵池区秋浦街道办事处", FondsCode = "J012", CatalogNo = "MZ3" },
            ["池州市贵池区梅村镇人民政府"] = new() { FondsName = "贵池区梅村镇", FondsCode = "J031", CatalogNo = "7", Classification = "" },
        });

    [Fact]
    public void A_unit_is_found_by_township_then_by_agency_and_unset_fields_come_from_the_default()
    {
        var fonds = Configured();
        var qiupu = fonds.For("秋浦街道", "whatever");
        Assert.Equal(("池州市贵池区秋浦街道办事处", "J012", "MZ3", "永久", "内部"), (qiupu.FondsName, qiupu.FondsCode, qiupu.CatalogNo, qiupu.RetentionPeriod, qiupu.Classification));
        var meicun = fonds.For("梅村镇", " 池州市贵池区梅村镇人民政府 ");
        Assert.Equal(("J031", "7", ""), (meicun.FondsCode, meicun.CatalogNo, meicun.Classification));   // "" overrides the default's 内部
        var other = fonds.For("别的镇", "别的单位");
        Assert.Equal(("", "", "永久", "内部"), (other.FondsCode, other.CatalogNo, other.RetentionPeriod, other.Classification));
    }

    [Fact]
    public void With_no_configuration_nothing_an_archive_assigns_is_invented()
    {
        var unit = FondsRegistry.Embedded.For("秋浦街道", "池州市贵池区秋浦街道办事处");
        Assert.Equal(("", "", "30年", ""), (unit.FondsCode, unit.CatalogNo, unit.RetentionPeriod, unit.Classification));
        var r = ArchivalReference.Of(Samples.Metadata("c-1") with { RetentionPeriod = "" }, FondsRegistry.Embedded);
        Assert.Equal("池州市贵池区秋浦街道办事处", r.FondsName);   // GB/T 9705: 全宗名称 is the 立档单位's name
        Assert.Equal("30年", r.RetentionPeriod);
        Assert.Equal("c-1", r.ArchivalCode);
    }

    [Fact]
    public void The_file_number_is_the_clerk_s_own_number_or_the_case_id_and_a_supplement_adds_its_volume()
    {
        var fonds = Configured();
        var own = Samples.Metadata("20261127-aa") with { FileNumber = " 秋浦-2025-017 " };
        Assert.Equal("J012-MZ3-秋浦-2025-017", ArchivalReference.Of(own, fonds).ArchivalCode);
        Assert.Equal("秋浦-2025-017-V2", ArchivalReference.Of(own with { CaseId = "20261127-aa-V2", SupplementOf = "20261127-aa", Volume = 2 }, fonds).FileNo);
        Assert.Equal("20261127-aa-V2", ArchivalReference.Of(Samples.Metadata("20261127-aa-V2") with { SupplementOf = "20261127-aa", Volume = 2 }, fonds).FileNo);
        // The 保管期限 the case recorded wins over the unit's current default: a sealed case keeps its own.
        Assert.Equal("10年", ArchivalReference.Of(own with { RetentionPeriod = "10年" }, fonds).RetentionPeriod);
    }

    [Fact]
    public void The_settings_file_is_read_and_a_broken_one_is_refused_in_Chinese_with_its_path_line_and_byte()
    {
        var dir = Directory.CreateTempSubdirectory("fa-fonds-");
        try
        {
            var good = Path.Combine(dir.FullName, "fonds.json");
            File.WriteAllText(good, """
                // comments are allowed
                { "default": { "retentionPeriod": "永久" },
                  "units": { "秋浦街道": { "fondsName": "秋浦街道办事处", "fondsCode": "J012", "catalogNo": "3" } } }
                """);
            var fonds = FondsRegistry.FromJson(good);
            Assert.Equal(("秋浦街道办事处", "J012", "3", "永久"), (fonds.For("秋浦街道", null).FondsName, fonds.For("秋浦街道", null).FondsCode, fonds.For("秋浦街道", null).CatalogNo, fonds.For("秋浦街道", null).RetentionPeriod));
            // Each broken file: one Chinese line with the path and where (line and byte from 1), none of System.Text.Json's English.
            foreach (var (content, problem) in new[]
                     {
                         ("{ \"units\": [ ", "第 1 行第 14 字节处不是合法的 JSON（检查引号、逗号和括号）"),   // cut off: the end of the file
                         ("{ \"units\": [] }", "第 1 行第 13 字节处（$.units）的值类型不对：Default 和 Units 下的每个单位应为对象，其中各项设置应为字符串"),
                         // A wrong value is reported just past it (after "12", the 秋浦街道 counting 12 bytes in UTF-8).
                         ("{ \"units\": {\n  \"秋浦街道\": { \"fondsCode\": 12 } } }", "第 2 行第 36 字节处（$.units.秋浦街道.fondsCode）的值类型不对"),
                         ("{ \"units\": {\n  \"秋浦街道\": { \"fondsCode\": \"J\",, } } }", "第 2 行第 38 字节处不是合法的 JSON（检查引号、逗号和括号）"),   // the second comma
                         ("", "第 1 行第 1 字节处不是合法的 JSON"),
                         ("{ \"units\": { \"秋浦街道\": {}, \" 秋浦街道 \": {} } }", "单位“秋浦街道”设置了两次"),
                         ("{ \"Units\": { \"秋浦街道\": { \"fondsCode\": \"J1\" }, \"秋浦街道\": { \"fondsCode\": \"J2\" } } }", "单位“秋浦街道”设置了两次"),
                     })
            {
                var bad = Path.Combine(dir.FullName, "bad.json");
                File.WriteAllText(bad, content);
                var e = Assert.Throws<InvalidOperationException>(() => FondsRegistry.FromJson(bad));
                Assert.StartsWith($"全宗配置文件 {bad} 无法读取：", e.Message);
                Assert.Contains(problem, e.Message);
                // Latin letters only in the path, the JSON path into the file and the file's own key names.
                var words = System.Text.RegularExpressions.Regex.Replace(e.Message.Replace(bad, ""), @"（\$[^）]*）|\b(Default|Units|JSON)\b", "");
                Assert.DoesNotMatch("[A-Za-z]", words);
                Assert.DoesNotMatch("(?i)json value|invalid|expected|LineNumber|BytePosition|Path:", e.Message);
            }
            var missing = Path.Combine(dir.FullName, "missing.json");
            Assert.Equal($"全宗配置文件 {missing} 无法读取：文件不存在", Assert.Throws<InvalidOperationException>(() => FondsRegistry.FromJson(missing)).Message);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void An_unknown_key_in_the_settings_file_is_refused_in_one_Chinese_line_naming_it()
    {
        var dir = Directory.CreateTempSubdirectory("fa-fonds-");
        try
        {
            foreach (var (content, problem) in new[]
                     {
                         // A misspelt setting would otherwise leave the 全宗号 silently blank on every cover.
                         ("{ \"units\": { \"秋浦街道\": { \"fondsCode\": \"J012\", \"fondCode\": \"J013\" } } }", "未知的设置项“fondCode”（位于 units.秋浦街道）"),
                         ("{ \"default\": { \"retention\": \"永久\" } }", "未知的设置项“retention”（位于 default）"),
                         ("{ \"unit\": { \"秋浦街道\": {} } }", "未知的设置项“unit”，"),
                     })
            {
                var bad = Path.Combine(dir.FullName, "bad.json");
                File.WriteAllText(bad, content);
                var e = Assert.Throws<InvalidOperationException>(() => FondsRegistry.FromJson(bad));
                Assert.Equal($"全宗配置文件 {bad} 无法读取：", e.Message[..(e.Message.IndexOf('：') + 1)]);
                Assert.Contains(problem, e.Message);
                Assert.EndsWith("可用的设置项为 " + (content.Contains("\"unit\"") ? "Default、Units" : "FondsName、FondsCode、CatalogNo、RetentionPeriod、Classification"), e.Message);
                Assert.DoesNotContain('\n', e.Message);
            }
            // Known keys in any case still read.
            var good = Path.Combine(dir.FullName, "good.json");
            File.WriteAllText(good, "{ \"DEFAULT\": { \"CLASSIFICATION\": \"内部\" }, \"Units\": {} }");
            Assert.Equal("内部", FondsRegistry.FromJson(good).For("x", null).Classification);
        }
        finally { dir.Delete(true); }
    }
}
