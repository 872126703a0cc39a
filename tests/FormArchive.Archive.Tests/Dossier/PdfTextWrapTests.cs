namespace FormArchive.Archive.Tests.Dossier;

/// <summary>Wrapping for the archive's own pages: every width, every line inside it, nothing lost, 避头尾 kept.</summary>
public sealed class PdfTextWrapTests
{
    [Theory]
    [InlineData("（2025年第 3 号）")]
    [InlineData("本卷共 7 件 12 页，其中扫描图像 3 件（以原图像保存，不计页数）。补充卷 V2、V3 另卷保存。")]
    [InlineData("关于张三（户主）、李四（配偶）家庭申请《最低生活保障》的入户调查报告。")]
    public void Lines_fit_keep_every_character_and_never_start_with_a_closing_mark(string text)
    {
        for (float max = 30; max <= 260; max += 1)
        {
            var lines = PdfText.Wrap(text, 10, max).ToList();
            Assert.Equal(text, string.Concat(lines));
            for (int i = 0; i < lines.Count; i++)
            {
                Assert.True(PdfText.Width(lines[i], 10) <= max + 0.01f || lines[i].Length <= 2, $"width {max}: '{lines[i]}' is {PdfText.Width(lines[i], 10):F1}");
                if (i > 0) Assert.False("，。、；：！？）》」』".Contains(lines[i][0]), $"width {max}: line '{lines[i]}' starts with a closing mark");
                if (i < lines.Count - 1) Assert.False("（《「『".Contains(lines[i][^1]), $"width {max}: line '{lines[i]}' ends with an opening mark");
            }
        }
    }

    [Fact]
    public void An_identifier_that_fits_on_a_line_with_its_closing_marks_is_never_split()
    {
        const string key = "67a240601f3dd4eb";
        var text = $"Ed25519 签名验证通过（密钥 {key}），封存清单 SHA-256 一致";
        for (float max = PdfText.Width(key + "），", 9) + 1; max <= 300; max += 1)
        {
            var lines = PdfText.Wrap(text, 9, max).ToList();
            Assert.Equal(text, string.Concat(lines));
            Assert.Contains(lines, l => l.Contains(key, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("SHA-256", StringComparison.Ordinal));
            Assert.All(lines, l => Assert.True(PdfText.Width(l, 9) <= max + 0.01f, $"width {max}: '{l}'"));
        }
    }
}
