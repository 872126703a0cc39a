using FormArchive.Domain;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest;

/// <summary>
/// What a page's reading means for the clerk: its ID numbers matched to the household, and the warnings (in Chinese)
/// about the hint, image quality, numbers that did not validate or match. One rule for every reader.
/// </summary>
internal static class PageAssessment
{
    public static (List<IdCandidateResult> Ids, List<string> Warnings) Of(DocumentType? hint, DocumentType classified, IReadOnlyList<IdNumberRead> reads,
        IReadOnlyList<HouseholdMember> members, double sharpness, int contrast, int confidence)
    {
        var warnings = new List<string>();
        var type = hint ?? classified;
        if (hint is { } h && classified != h && classified != DocumentType.Other)
            warnings.Add($"经办人标注为{DocumentTitles.Of(h)}，但识别结果像{DocumentTitles.Of(classified)}");
        if (sharpness < 50) warnings.Add($"图像模糊（清晰度 {sharpness:0}）");
        if (contrast < 60) warnings.Add($"对比度低（{contrast}/255）");
        if (confidence < 60) warnings.Add($"识别置信度低（{confidence}%）");
        if (type is DocumentType.IdCardFront or DocumentType.HukouMember && !reads.Any(i => i.IsValid))
            warnings.Add("本页未能识别并校验身份证号");
        foreach (var bad in reads.Where(i => !i.IsValid))
            warnings.Add($"疑似身份证号 {IdNumberMasking.Mask(bad.Number)} 未通过校验：{bad.Problem}");

        var ids = reads.Select(r =>
        {
            var member = r.IsValid ? HouseholdMatching.Match(r.Number, members) : null;
            return new IdCandidateResult(r.Number, r.IsValid, r.Confidence, r.AgreeingReads, r.Corrected, r.Box, member?.Name, r.Problem);
        }).ToList();
        if (members.Count > 0)
            foreach (var unmatched in ids.Where(i => i.IsValid && i.MatchedMember is null))
                warnings.Add($"身份证号 {IdNumberMasking.Mask(unmatched.Number)} 与本案家庭成员均不匹配");
        return (ids, warnings);
    }
}
