using DocumentFormat.OpenXml.Packaging;
using FormArchive.Renderer.Rendering;
using FormArchive.Tests.Forms;
using FormArchive.Tests.Support;

namespace FormArchive.Tests.Docx.LibreOffice;

/// <summary>
/// The DOCX carries subsets of Noto Serif/Sans CJK SC under 宋体/黑体 (that LibreOffice draws with them is checked in
/// <see cref="LibreOfficePaginationTests"/>, which owns the converted files).
/// </summary>
public class EmbeddedFontTests
{
    private static byte[] Docx(string formId, string? sample) =>
        new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Docx).Content;

    [Fact]
    public void The_font_table_embeds_a_subset_with_every_character_the_form_prints()
    {
        var bytes = Docx("chizhou.application-pledge", "case.json");
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var table = document.MainDocumentPart!.FontTablePart!;
        var serif = table.Fonts!.Elements<DocumentFormat.OpenXml.Wordprocessing.Font>().Single(f => f.Name == "宋体");
        var embed = serif.EmbedRegularFont!;
        var part = (FontPart)table.GetPartById(embed.Id!.Value!);
        using var partStream = part.GetStream();
        using var copy = new MemoryStream();
        partStream.CopyTo(copy);
        // Undo the obfuscation (ECMA-376 §17.8.1) and read the font back with fontconfig.
        var key = Convert.FromHexString(embed.FontKey!.Value!.Trim('{', '}').Replace("-", ""));
        Array.Reverse(key);
        var font = copy.ToArray();
        for (var i = 0; i < 32; i++) font[i] ^= key[i % 16];
        Assert.Equal("OTTO"u8.ToArray(), font[..4]);
        var (code, charset) = ExternalTool.RunOnBytes(font, ".otf", "fc-query", path => ["--format=%{family}|%{charset}", path]);
        Assert.Equal(0, code);
        Assert.Contains("Noto Serif CJK SC", charset);
        foreach (var c in "本人姓名汪德顺现因家庭生活困难提出社会救助申请承诺")
            Assert.True(InCharset(charset.Split('|')[1], c), $"{c} (U+{(int)c:X4}) missing from the embedded subset");
        Assert.False(InCharset(charset.Split('|')[1], '鑫'), "a character the form does not print was embedded");
    }

    private static bool InCharset(string charset, char c)
    {
        foreach (var range in charset.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = range.Split('-');
            var lo = Convert.ToInt32(parts[0], 16);
            var hi = parts.Length > 1 ? Convert.ToInt32(parts[1], 16) : lo;
            if (c >= lo && c <= hi) return true;
        }
        return false;
    }
}
