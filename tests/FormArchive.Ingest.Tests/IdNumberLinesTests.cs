using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Recognition;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>Which lines count as ID numbers: only the values of ID labels (pure geometry and text rules, no OCR).</summary>
public sealed class IdNumberLinesTests
{
    private static RecognizedLine L(string text, float x, float y, float w, float h = 40) =>
        new(new TextQuad(new Point2f(x, y), new Point2f(x + w, y), new Point2f(x + w, y + h), new Point2f(x, y + h)), text, 0.99f);

    private static List<string> Found(params RecognizedLine[] lines) =>
        IdNumberLines.Find(new PageText(lines)).Select(f => f.Line.Text).ToList();

    [Fact]
    public void TheValueRightOfTheCardLabelIsTaken()
    {
        var found = Found(L("姓名", 60, 80, 80), L("孙明红", 170, 80, 120), L("公民身份号码", 60, 560, 180), L("370202194004297733", 290, 556, 520, 48));
        Assert.Equal(["370202194004297733"], found);
    }

    [Fact]
    public void EachCardOnAPhotocopyKeepsTheBirthDatePrintedAboveItsOwnNumber()
    {
        // Two card fronts, one above the other, as on an A4 photocopy (150 dpi: labels 20 px tall, rows 40 px apart).
        var lines = new[]
        {
            L("出生", 400, 400, 40, 20), L("1952年11月6日", 460, 398, 180, 24), L("住址", 400, 440, 40, 20), L("四川省成都市锦江区东", 460, 438, 220, 24),
            L("大街257号", 460, 478, 120, 24), L("公民身份号码", 400, 560, 110, 20), L("44030419521", 530, 556, 190, 26),
            L("出生", 400, 820, 40, 20), L("1961年11月29日", 460, 818, 180, 24), L("公民身份号码", 400, 980, 110, 20), L("341722196111299395", 530, 976, 300, 26),
        };
        var found = IdNumberLines.Find(new PageText(lines));
        Assert.Equal([new DateOnly(1952, 11, 6), new DateOnly(1961, 11, 29)], found.Select(f => f.CardBirthDate));
        // A label with no date above it on its card (a 户口簿 row, a hospital page) has none.
        var alone = IdNumberLines.Find(new PageText([L("1952年11月6日", 460, 100, 180, 24), L("身份证号", 60, 700, 80, 20), L("440304195211061433", 160, 696, 300, 26)]));
        Assert.Null(Assert.Single(alone).CardBirthDate);
    }

    [Fact]
    public void ANumberPartedByAStrokeIsJoinedAndReadAgainWhole()
    {
        // Detection parted the number where a handwritten note crosses it; the pieces' texts overlap at the cut.
        var found = IdNumberLines.Find(new PageText([L("公民身份号码", 60, 560, 180), L("3301061", 290, 556, 190, 48), L("194802180129", 470, 556, 330, 48),
            L("2026.11.4", 900, 556, 200, 48)]));
        var line = Assert.Single(found);
        Assert.True(line.Expected, "the joined line is read again from the image");
        Assert.Equal(290, line.Line.Quad.Bounds.X);
        Assert.InRange(line.Line.Quad.Bounds.Right, 798, 802);
    }

    [Fact]
    public void ALabelAndNumberReadAsOneLineCount()
    {
        Assert.Equal(["身份证号：370202194004297733"], Found(L("身份证号：370202194004297733", 60, 100, 600)));
    }

    [Fact]
    public void OtherNumbersOnTheRowsAroundAreNeverTaken()
    {
        // 户号, a 住院号 that looks like an ID number, a phone number and a bank card number, none behind an ID label.
        var found = Found(L("户号", 60, 40, 60), L("370202194004297733", 140, 40, 500),
            L("住院号", 60, 120, 80), L("110105194912310029", 160, 120, 500),
            L("联系电话 13912345678", 60, 200, 400), L("6228480402564890018", 60, 280, 500));
        Assert.Empty(found);
    }

    [Fact]
    public void AHukouCellPrintedALittleOffItsRowIsStillTheValue()
    {
        var found = Found(L("公民身份证件编号", 100, 1000, 200), L("500235197806200126", 460, 1018, 430),
            L("身高", 100, 1080, 60), L("159厘米", 460, 1080, 100));
        Assert.Equal(["500235197806200126"], found);
    }

    [Fact]
    public void TwoCardsOnOnePageGiveTwoNumbers()
    {
        var found = Found(L("公民身份号码", 60, 560, 180), L("370202194004297733", 290, 556, 520),
            L("公民身份号码", 60, 1560, 180), L("11010519491231002X", 290, 1556, 520));
        Assert.Equal(["370202194004297733", "11010519491231002X"], found);
    }

    [Fact]
    public void ACardFrontWithoutItsLabelNeedsTheBirthDateItPrints()
    {
        var found = IdNumberLines.Find(new PageText([L("姓名 孙明红", 60, 80, 300), L("出生 1940年4月29日", 60, 240, 400), L("住址 安徽省石台县", 60, 320, 400),
            L("370202194004297733", 290, 556, 520)]));
        var line = Assert.Single(found);
        Assert.Equal(new DateOnly(1940, 4, 29), line.PrintedBirthDate);
        Assert.Null(line.Label);
    }

    [Fact]
    public void AnUnlabelledNumberOnAnyOtherPageIsNotTaken()
    {
        Assert.Empty(Found(L("诊断证明书", 60, 80, 300), L("出院日期 2024年3月2日", 60, 240, 400), L("370202194004297733", 290, 556, 520)));
    }

    [Fact]
    public void AHouseholdCardWhoseRedLabelDidNotReadGivesTheNumberAgainstItsDateOfBirth()
    {
        // 常住人口登记卡: the two-line red label 公民身份 / 号码 lost; 户号 and other dates stand on the card too.
        var card = new PageText([L("常住人口登记卡", 250, 100, 300, 50), L("户号 603056183", 60, 170, 220), L("出生日期", 420, 440, 70, 24),
            L("1984年04月25日", 550, 438, 140, 26), L("33010619840425512X", 455, 572, 230, 34), L("1996年11月06日重庆市云阳县青龙", 250, 852, 260, 34),
            L("登记日期2014年07月27日", 430, 1005, 220, 34)]);
        var line = Assert.Single(IdNumberLines.Find(card));
        Assert.Equal("33010619840425512X", line.Line.Text);
        // The date of birth is the one after its label, not the card's first or last date.
        Assert.Equal(new DateOnly(1984, 4, 25), line.PrintedBirthDate);
        // Without a title or the card's own labels, the same lines are any page's: nothing is taken.
        Assert.Empty(IdNumberLines.Find(new PageText([L("出院日期", 420, 440, 70, 24), L("1984年04月25日", 550, 438, 140, 26), L("33010619840425512X", 455, 572, 230, 34)])));
    }

    [Fact]
    public void ThePrintedBirthDateIsTheOneAfterItsLabel()
    {
        var page = new PageText([L("迁来日期 1996年11月06日", 60, 100, 300), L("出生日期", 60, 200, 80), L("1984年04月25日", 160, 200, 160)]);
        Assert.Equal(new DateOnly(1984, 4, 25), IdNumberLines.PrintedBirthDate(page));
        // No label: the first date on the page, as a card front prints only one.
        Assert.Equal(new DateOnly(1940, 4, 29), IdNumberLines.PrintedBirthDate(new PageText([L("1940年4月29日", 60, 240, 400)])));
    }
}
