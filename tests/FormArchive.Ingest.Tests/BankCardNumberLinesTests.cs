using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Recognition;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>How a bank card's number is put together from detection's digit groups (geometry and text; the re-read is given).</summary>
public sealed class BankCardNumberLinesTests
{
    private static RecognizedLine L(string text, float x, float y, float w, float h = 60) =>
        new(new TextQuad(new Point2f(x, y), new Point2f(x + w, y), new Point2f(x + w, y + h), new Point2f(x, y + h)), text, 0.99f);

    private static readonly Func<TextQuad, string> NothingMore = _ => "";

    [Fact]
    public void GroupsOfOneRowAreJoinedAcrossAGlyphOfTheCardsPattern()
    {
        // 6217 9993 7971 1 | 福 (a speck of the background, a third of the digits' height) | 2010
        var page = new PageText([L("中国邮政储蓄银行", 130, 130, 680, 90), L("621799379711", 150, 630, 970, 100), L("福", 1100, 676, 20, 20),
            L("2010", 1150, 636, 290, 96), L("02/27", 750, 770, 200, 66)]);
        Assert.Equal(["6217993797112010"], BankCardNumberLines.Find(page, NothingMore));
        // Joining the row's text puts the speck between the groups: that number was lost.
        Assert.Empty(IdNumberRules.BankCardNumbers(string.Join('\n', page.Rows())));
    }

    [Fact]
    public void ALoneLastDigitMissedByDetectionIsReadAgainFromTheImage()
    {
        var run = L("6230596748211748", 120, 495, 926, 73);
        TextQuad? asked = null;
        var found = BankCardNumberLines.Find(new PageText([run, L("11/31", 574, 603, 153, 48)]), q =>
        {
            asked = q;
            return "6230 5967 4821 1748 0";
        });
        Assert.Equal(["62305967482117480"], found);
        // The place read again goes on past the run by about two digits' width, on the run's row.
        Assert.NotNull(asked);
        Assert.InRange(asked!.Value.TopRight.X - run.Quad.TopRight.X, 80, 160);
        Assert.Equal(run.Quad.TopLeft, asked.Value.TopLeft);
    }

    [Fact]
    public void ANumberThatPassesWithNothingAfterItIsLengthenedOnlyWhenItsTailReadAloneAgrees()
    {
        var run = L("6217999614017746", 98, 386, 737, 57);
        // The line read whole gives a digit more; the place past the run, read alone, gives what it holds.
        Func<TextQuad, string> Reads(string tail) => q => q.TopLeft.X < run.Quad.TopRight.X - 1 ? "62179996140177464" : tail;
        // Detection missed a lone last digit (6217 9996 1401 7746 4): both reads see it.
        Assert.Equal(["62179996140177464"], BankCardNumberLines.Find(new PageText([run]), Reads("4")));
        // A speck past the end read as a digit once (the tail alone shows nothing, or something else): the whole,
        // Luhn-valid number stays as read.
        Assert.Equal(["6217999614017746"], BankCardNumberLines.Find(new PageText([run]), Reads("")));
        Assert.Equal(["6217999614017746"], BankCardNumberLines.Find(new PageText([run]), Reads("1")));
        // With something standing right after it (a lone last digit misread as a character), the whole read decides.
        var lone = BankCardNumberLines.Find(new PageText([run, L("力", 832, 397, 50, 28)]), _ => "62179996140177464");
        Assert.Equal(["62179996140177464"], lone);
    }

    [Fact]
    public void AReReadThatDoesNotGoOnFromTheGroupsIsNotTaken()
    {
        // The read again differs in a digit already read: not the same number; the groups alone fail Luhn.
        var page = new PageText([L("6230596748211748", 120, 495, 926, 73)]);
        Assert.Empty(BankCardNumberLines.Find(page, _ => "62305967482117400"));
        // Letters or a date further along the row are not digits of the number.
        Assert.Empty(BankCardNumberLines.Find(page, _ => "6230596748211748银联0"));
    }

    [Fact]
    public void GroupsPrintedAtAnotherSizeOrUnderAnIdLabelAreNotACardNumber()
    {
        // Small digits on the number's row (a serial printed beside it) are not one of its groups.
        var sized = new PageText([L("6217993797112010", 150, 630, 970, 100), L("12", 1140, 660, 40, 30)]);
        Assert.Equal(["6217993797112010"], BankCardNumberLines.Find(sized, NothingMore));
        // A row with an ID label holds an ID number, never a card number, and a valid ID number is never one.
        var id = new PageText([L("公民身份号码", 60, 560, 180, 40), L("6217993797112010", 290, 556, 520, 48)]);
        Assert.Empty(BankCardNumberLines.Find(id, NothingMore));
        Assert.Empty(BankCardNumberLines.Find(new PageText([L("370202194004297733", 290, 556, 520, 48)]), NothingMore));
    }

    [Fact]
    public void ANumberCutShortBeforeItsLastDigitGivesWayToTheWholeOne()
    {
        // Both pass Luhn: the row's text lost the lone 4 (read as 力), the line read again kept it.
        Assert.Equal(["62179996140177464"], BankCardNumberLines.WithoutCutShort(["6217999614017746", "62179996140177464"]));
        Assert.Equal(["6217993797112010", "62305967482117480"], BankCardNumberLines.WithoutCutShort(["6217993797112010", "62305967482117480", "6217993797112010"]));
    }

    [Fact]
    public void TheFirstDigitsOfAnIdNumberAreNeverACardNumber()
    {
        // 33010619840425512X read without its X: the 17 digits pass Luhn. Confirmed or not, and read on an ID line.
        Assert.True(IdNumberRules.IsLuhnValid("33010619840425512"));
        Assert.Empty(BankCardNumberLines.NotOnIdNumbers(["33010619840425512"], ["33010619840425512X"]));
        Assert.Empty(BankCardNumberLines.NotOnIdNumbers(["33010619840425512"], ["公民身份号码 33010619840425512"]));
        // A card's own number stays.
        Assert.Equal(["6217993797112010"], BankCardNumberLines.NotOnIdNumbers(["6217993797112010", "33010619840425512"], ["33010619840425512X"]));
    }
}
