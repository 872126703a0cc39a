namespace FormArchive.Domain;

/// <summary>
/// Sorting by the legal order of <see cref="AssistanceCategory"/> (特困人员, 最低生活保障对象, 低保边缘家庭,
/// 刚性支出困难家庭, 其他低收入人口, 临时救助), e.g. the families listed on a 公示单.
/// </summary>
public static class CategoryOrder
{
    /// <summary>
    /// The position of a category named in any accepted spelling (<see cref="AssistanceCategory.TryParse"/>);
    /// unknown or blank text sorts after every category.
    /// </summary>
    public static int Rank(string? category) =>
        AssistanceCategory.TryParse(category, out var c) ? c.Order : AssistanceCategory.All.Count + 1;

    /// <summary>
    /// <paramref name="items"/> ordered by the category <paramref name="categoryOf"/> names; a stable sort, so
    /// items of the same category keep their order, and items without a known category come last.
    /// </summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, string?> categoryOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(categoryOf);
        return items.Select((item, index) => (item, index, rank: Rank(categoryOf(item))))
            .OrderBy(x => x.rank).ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
    }

    /// <summary>Category names (any spelling) as legal names, in the legal order, without duplicates; unknown text is dropped.</summary>
    public static IReadOnlyList<AssistanceCategory> Normalise(IEnumerable<string?> categories) =>
        categories.Select(c => AssistanceCategory.TryParse(c, out var parsed) ? parsed : null)
            .OfType<AssistanceCategory>()
            .Distinct()
            .Order()
            .ToList();
}
