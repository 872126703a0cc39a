using FormArchive.Domain;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest.Tests;

public sealed class IdNumberRulesTests
{
    private static readonly string Valid = ChineseIdNumber.WithCheckChar("34170219800503123");

    [Fact]
    public void BodiesAreRunsOfExactly17Digits()
    {
        // A number whose check character was lost under a stroke, spaced or full width, is its body.
        Assert.Equal([Valid[..17]], IdNumberRules.BodyCandidates($"公民身份号码 {Valid[..9]} {Valid[9..17]}"));
        Assert.Equal([Valid[..17]], IdNumberRules.BodyCandidates(new string(Valid[..17].Select(c => (char)(c + 0xFEE0)).ToArray())));
        // A whole number, or a shorter or longer run, is not one.
        Assert.Empty(IdNumberRules.BodyCandidates(Valid));
        Assert.Empty(IdNumberRules.BodyCandidates(Valid[..16]));
        Assert.Empty(IdNumberRules.BodyCandidates(Valid[..17] + "12"));
    }

    [Fact]
    public void FindsSpacedAndFullWidthCandidates()
    {
        var spaced = string.Join(" ", Valid.Chunk(6).Select(c => new string(c)));
        Assert.Contains(Valid, IdNumberRules.RawCandidates($"公民身份号码 {spaced}"));
        var fullWidth = new string(Valid.Select(c => (char)(c + 0xFEE0)).ToArray());
        Assert.Contains(Valid, IdNumberRules.RawCandidates(fullWidth));
    }

    [Theory]
    [InlineData(3, ".")]
    [InlineData(9, ",")]
    [InlineData(12, "·")]
    public void SpecksReadInsideANumberAreSkipped(int at, string speck)
    {
        Assert.Contains(Valid, IdNumberRules.RawCandidates("公民身份号码" + Valid.Insert(at, speck)));
        // A date is no run of 18 for all that.
        Assert.Empty(IdNumberRules.RawCandidates("有效期限2015.03.02-2035.03.02"));
    }

    [Fact]
    public void CorrectsConfusionsOnlyWhenTheResultValidates()
    {
        var confused = Valid.Replace('0', 'O').Replace('1', 'l');
        var c = IdNumberRules.Check(confused);
        Assert.Equal(Valid, c.Valid);
        Assert.True(c.Corrected);

        // A confusion that does not lead to a valid number is never "corrected" into one.
        var wrong = "34l7O2198OO5O31239";
        Assert.Null(IdNumberRules.Check(wrong).Valid);
    }

    [Fact]
    public void NeverAcceptsAWrongChecksumOrImpossibleDate()
    {
        var badCheck = Valid[..17] + (Valid[17] == '0' ? '1' : '0');
        Assert.Null(IdNumberRules.Check(badCheck).Valid);
        var badDate = ChineseIdNumber.WithCheckChar("34170219801332123");
        Assert.Null(IdNumberRules.Check(badDate).Valid);
    }

    [Theory]
    [InlineData("6228480402564890018", true)]
    [InlineData("6228480402564890019", false)]
    [InlineData("4111111111111111", true)]
    [InlineData("12345", false)]
    public void Luhn(string digits, bool valid) => Assert.Equal(valid, IdNumberRules.IsLuhnValid(digits));

    [Fact]
    public void BankNumbersAreFoundGroupedAndIdNumbersAreNotBankNumbers()
    {
        Assert.Contains("4111111111111111", IdNumberRules.BankCardNumbers("卡号 4111 1111 1111 1111"));
        Assert.Empty(IdNumberRules.BankCardNumbers(Valid.Replace("X", "")));
    }

    [Fact]
    public void ClassifierKeywordsAndClerkHints()
    {
        Assert.Equal(DocumentType.IdCardBack, PageClassifier.Classify("签发机关 某县公安局\n有效期限 2016.01.01-2036.01.01", false, false).Type);
        Assert.Equal(DocumentType.HukouMember, PageClassifier.Classify("常住人口登记卡 姓名 公民身份号码", true, false).Type);
        Assert.Equal(DocumentType.HardshipEvidence, PageClassifier.Classify("诊断证明书 住院号", false, false).Type);
        Assert.Equal(DocumentType.Other, PageClassifier.Classify("hello", false, false).Type);
        Assert.Equal(DocumentType.IdCardFront, PageClassifier.Hints["id-front"]);
    }
}
