using FormArchive.Archive.Access;

namespace FormArchive.Casework;

public static partial class StageRules
{
    /// <summary>
    /// The online approval's sign-offs: each step at the level that may take it, a unit's opinion or decision
    /// countersigned by its 负责人 (not the person who gave it) before the case moves on, submission only for cases
    /// the county confirms, and a county's return reopening the case for the township. Steps written before people
    /// signed (no <see cref="CaseEvent.SignedBy"/>) and cases accepted before levels were recorded are not held to it.
    /// </summary>
    private sealed partial class Replay
    {
        private bool _returned, _countyDecided;
        private readonly Dictionary<CaseEventKind, (CaseEvent Opinion, bool Countersigned)> _awaiting = [];

        /// <summary>A county records only its review and decision; a township never records the county's.</summary>
        private static void RefuseOutOfLevel(CaseEvent e)
        {
            if (e.SignedBy is not { } s) return;
            var county = e.Kind switch
            {
                CaseEventKind.Returned => (bool?)true,
                CaseEventKind.Confirmed or CaseEventKind.Countersigned or CaseEventKind.Notified or CaseEventKind.Extended => null,
                _ => false,
            };
            if (county == true && s.Level != ApprovalLevel.County)
                throw Refuse(e, $"{e.Kind.Label()}由县（区）民政局作出，{s.Unit}不能记录。");
            if (county == false && s.Level != ApprovalLevel.Township)
                throw Refuse(e, $"{e.Kind.Label()}由乡镇（街道）办理，{s.Unit}不能记录。");
        }

        /// <summary>
        /// From 报送审批 until the county returns the case or its decision is countersigned, the file is the county's:
        /// only the county's steps (审核确认, 负责人审签, 退回补正, 延期) are recorded, and not by a township.
        /// </summary>
        private void RefuseWhileWithCounty(CaseEvent e)
        {
            if (!WithCounty) return;
            var countys = e.Kind is CaseEventKind.Confirmed or CaseEventKind.Countersigned or CaseEventKind.Returned or CaseEventKind.Extended;
            if (!countys || e.SignedBy is { Level: ApprovalLevel.Township })
                throw Refuse(e, "案件已报送县（区）民政局审批，在县（区）民政局退回补正或作出决定之前，乡镇（街道）不能办理。");
        }

        /// <summary>Submitted, not returned, and the county's decision not yet countersigned.</summary>
        private bool WithCounty => _submitted is not null && !_returned && !_countyDecided;

        /// <summary>A signed opinion or decision waits for its unit's 负责人.</summary>
        private void AwaitCountersign(CaseEvent e)
        {
            if (e.SignedBy is not null) _awaiting[e.Kind] = (e, false);
        }

        private void Countersign(CaseEvent e)
        {
            if (e.SignedBy is not { } head)
                throw Refuse(e, "负责人审签须记明审签人（姓名、岗位和单位）。");
            if (head.Post != Post.Head)
                throw Refuse(e, $"审签须由负责人作出，{head.Name}是{Posts.Label(head.Post)}。");
            var (kind, target) = _awaiting.Where(p => !p.Value.Countersigned && p.Value.Opinion.SignedBy!.Level == head.Level)
                .Select(p => (p.Key, p.Value.Opinion)).OrderByDescending(p => p.Opinion.At).FirstOrDefault();
            if (target is null)
                throw Refuse(e, $"{head.Unit}没有待负责人审签的意见。");
            var by = target.SignedBy!;
            if (by.SamePerson(head))
                throw Refuse(e, $"{kind.Label()}由{by.Name}本人作出，须由另一名负责人审签（四眼原则：同一人不能在同一审批链中签两次）。");
            if (by.Unit != head.Unit)
                throw Refuse(e, $"{kind.Label()}是{by.Unit}的意见，须由{by.Unit}的负责人审签，{head.Unit}不能审签。");
            _awaiting[kind] = (target, true);
            if (kind == CaseEventKind.Confirmed && head.Level == ApprovalLevel.County) _countyDecided = true;
        }

        /// <summary>The step may not pass a signed opinion of <paramref name="kind"/> that its 负责人 has not countersigned.</summary>
        private void RequireCountersigned(CaseEvent e, CaseEventKind kind)
        {
            if (_awaiting.TryGetValue(kind, out var a) && !a.Countersigned)
                throw Refuse(e, $"{kind.Label()}尚未经{a.Opinion.SignedBy!.Unit}负责人审签（四眼原则）。");
        }

        /// <summary>The categories the county confirms, or none when every category is delegated (or levels were not recorded).</summary>
        private IReadOnlyList<AssistanceCategory> CountysCategories() =>
            file.Levels is { } levels ? [.. file.Categories.Where(c => levels.For(c) == ApprovalLevel.County)] : [];

        private bool ConfirmedByCounty => file.Levels is not null && CountysCategories().Count > 0;

        private void RefuseSubmissionOfDelegated(CaseEvent e)
        {
            if (file.Levels is not null && !ConfirmedByCounty)
                throw Refuse(e, $"本案类别（{string.Join("、", file.Categories.Select(c => c.Name))}）的审核确认权限已下放乡镇（街道）"
                    + $"（{LegalBasis.Delegated}），由乡镇审核确认，无需报送县（区）民政局。");
        }

        private void RefuseConfirmationOutOfLevel(CaseEvent e)
        {
            if (file.Levels is null) return;
            if (ConfirmedByCounty)
            {
                if (e.SignedBy is { Level: ApprovalLevel.Township } t)
                    throw Refuse(e, $"本案的{string.Join("、", CountysCategories().Select(c => c.Name))}属县（区）民政局审核确认事项"
                        + $"（{LegalBasis.CountyConfirms}），{t.Unit}只能审核并报送审批，不能审核确认。");
                if (_submitted is null)
                    throw Refuse(e, "案件尚未报送县（区）民政局审批。");
                if (_returned)
                    throw Refuse(e, "案件已退回乡镇（街道）补正，须重新报送后才能审核确认。");
            }
            else
            {
                if (e.SignedBy is { Level: ApprovalLevel.County } c)
                    throw Refuse(e, $"本案类别的审核确认权限已下放乡镇（街道）（{LegalBasis.Delegated}），由乡镇审核确认，{c.Unit}不能审核确认。");
                RequireCountersigned(e, CaseEventKind.PreliminaryOpinion);
            }
        }

        private void Return(CaseEvent e)
        {
            if (_submitted is null || _returned)
                throw Refuse(e, "案件不在待县（区）民政局审批的状态，不能退回。");
            Before(e, _confirmed, CaseEventKind.Confirmed);
            if (e.Supply.Count == 0 || e.Supply.All(string.IsNullOrWhiteSpace))
                throw Refuse(e, "退回补正须写明需补正的材料。");
            _returned = true;
        }

        /// <summary>A county decision recorded before people signed needs no countersign: the case leaves the county with it.</summary>
        private void LeaveCountyIfUnsigned(CaseEvent e)
        {
            if (e.SignedBy is null && _submitted is not null) _countyDecided = true;
        }
    }
}
