using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Recognition;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>Fields read from lines by their labels and geometry (no OCR: the lines are given).</summary>
public sealed class FieldReadingTests
{
    private static RecognizedLine L(string text, float x, float y, float w, float h = 40) =>
        new(new TextQuad(new Point2f(x, y), new Point2f(x + w, y), new Point2f(x + w, y + h), new Point2f(x, y + h)), text, 0.99f);

    [Fact]
    public void ABankCardNumberSplitIntoGroupsIsJoinedAlongItsRow()
    {
        var page = new PageText([L("中国建设银行", 75, 63, 353), L("621700214412", 84, 389, 723, 86), L("4619", 827, 397, 219, 71), L("09/34", 489, 489, 144)]);
        Assert.Equal(["6217002144124619"], IdNumberRules.BankCardNumbers(string.Join('\n', page.Rows())));
    }

    [Fact]
    public void RowsJoinLeftToRightWhateverTheDetectionOrder()
    {
        var page = new PageText([L("4619", 827, 397, 219, 71), L("6217 0021", 84, 389, 500, 86)]);
        Assert.Equal(["6217 0021 4619"], page.Rows());
    }

    [Fact]
    public void ACardBackGivesAuthorityAndValidityFromLabelsOnTheirRows()
    {
        var back = CardBackFields.Read(new PageText([L("中华人民共和国", 290, 90, 400), L("居民身份证", 300, 200, 400),
            L("签发机关", 160, 450, 110), L("东至县公安局", 300, 452, 220), L("有效期限", 160, 520, 110), L("2005.06.01-长期", 300, 522, 300)]))!;
        Assert.Equal("东至县公安局", back.IssuingAuthority);
        Assert.True(back.Validity!.IsPermanent);
        Assert.Equal(new DateOnly(2005, 6, 1), back.Validity.From);
    }

    [Fact]
    public void AValidityThatReadsWithoutItsLabelIsStillFound()
    {
        var back = CardBackFields.Read(new PageText([L("居民身份证", 300, 200, 400), L("2015.03.02-2035.03.02", 300, 522, 300)]))!;
        Assert.Null(back.IssuingAuthority);
        Assert.Equal(new DateOnly(2035, 3, 2), back.Validity!.Until);
    }

    [Fact]
    public void APageWithoutCardBackFieldsHasNone() =>
        Assert.Null(CardBackFields.Read(new PageText([L("诊断证明书", 60, 80, 300), L("门诊号 20240302", 60, 160, 300)])));

    [Fact]
    public void ACardFrontsPersonIsReadFromItsLabels()
    {
        var person = PersonFields.Read(new PageText([
            L("姓名", 60, 80, 80), L("孙明红", 170, 78, 120),
            L("性别", 60, 160, 80), L("男", 170, 160, 40), L("民族", 280, 160, 80), L("汉", 380, 160, 40),
            L("出生", 60, 240, 80), L("1940年4月29日", 170, 240, 300),
            L("住址", 60, 320, 80), L("安徽省石台县仁里镇188号1", 170, 320, 420), L("9栋158室", 170, 370, 160),
            L("公民身份号码", 60, 560, 180), L("370202194004297733", 290, 556, 520, 48)]))!;
        Assert.Equal("孙明红", person.Name);
        Assert.Equal("男", person.Sex);
        Assert.Equal("汉", person.Ethnicity);
        Assert.Equal("1940-04-29", person.BirthDate);
        // The address runs over two lines and stops before the number's row.
        Assert.Equal("安徽省石台县仁里镇188号19栋158室", person.Address);
    }

    [Fact]
    public void SexAndEthnicityReadAsOneLineAreSplit()
    {
        var person = PersonFields.Read(new PageText([L("姓名 王俊", 60, 80, 200), L("性别 女 民族 土家", 60, 160, 400)]))!;
        Assert.Equal("女", person.Sex);
        Assert.Equal("土家", person.Ethnicity);
    }

    [Fact]
    public void AHouseholdCardsRelationshipIsRead()
    {
        var person = PersonFields.Read(new PageText([L("姓名", 120, 227, 58), L("蒋玉长", 460, 225, 96), L("户主或与户主关系", 124, 309, 198), L("户主", 461, 304, 68)]))!;
        Assert.Equal("户主", person.Relationship);
        Assert.Equal("蒋玉长", person.Name);
    }

    [Fact]
    public void ARelationshipRightOfItsTwoLineLabelIsReadWhenItIsARelationship()
    {
        // 户主或与 / 户主关系 on two lines, the second misread; the value stands between them, right of the label.
        var lines = new List<RecognizedLine> { L("龙兰", 300, 100, 80), L("姓名", 120, 100, 60), L("户主或与", 520, 80, 100, 30), L("户主关采", 520, 125, 100, 30) };
        Assert.Equal("妻", PersonFields.Read(new PageText([.. lines, L("妻", 700, 100, 40)]))!.Relationship);
        // What stands there and is no relationship (a misread, a place) is not offered.
        Assert.Null(PersonFields.Read(new PageText([.. lines, L("安徽省", 700, 100, 120)]))!.Relationship);
        // A relationship far right of the label, on another cell of the row, is not its value.
        Assert.Null(PersonFields.Read(new PageText([.. lines, L("妻", 1100, 100, 40)]))!.Relationship);
    }

    [Fact]
    public void AnEthnicityWhoseLabelMisreadIsTakenFromItsValue()
    {
        var person = PersonFields.Read(new PageText([L("姓名", 60, 80, 80), L("刘强", 170, 80, 120), L("民康", 60, 160, 80), L("土家族", 170, 160, 120)]))!;
        Assert.Equal("土家", person.Ethnicity);
        // 家族 is no 民族.
        Assert.Null(PersonFields.Read(new PageText([L("姓名", 60, 80, 80), L("刘强", 170, 80, 120), L("家族", 170, 160, 80)]))!.Ethnicity);
    }

    [Fact]
    public void ANumberLineCutShortIsLengthenedAndReadFromTheImage()
    {
        var found = Assert.Single(IdNumberLines.Find(new PageText([L("公民身份号码", 60, 560, 180), L("341702199003", 290, 556, 300, 48)])));
        Assert.True(found.Expected);
        // 12 characters over 300 px: the place grows to 19 characters' width.
        Assert.InRange(found.Line.Quad.Width, 470, 480);
        Assert.Equal(290, found.Line.Quad.TopLeft.X);
    }

    [Fact]
    public void ALabelWithNoLineBesideItGivesThePlaceWhereTheNumberMustStand()
    {
        var found = Assert.Single(IdNumberLines.Find(new PageText([L("公民身份号码", 60, 560, 180, 40)])));
        Assert.True(found.Expected);
        Assert.Equal("", found.Line.Text);
        Assert.True(found.Line.Quad.Bounds.X < 240 && found.Line.Quad.Bounds.Right > 240 + 600, $"{found.Line.Quad.Bounds}");
    }
}
