namespace FormArchive.Renderer.Layout;

/// <summary>A vertical stack of elements: the page body and every table cell. Continues where the last page stopped.</summary>
public sealed class ColumnLayout(IReadOnlyList<ILayoutElement> children) : ILayoutElement
{
    private int _next;

    public SpacePlan Measure(float width, float availableHeight)
    {
        var used = 0f;
        for (var i = _next; i < children.Count; i++)
        {
            var child = children[i];
            if (child is PageBreakLayout) return SpacePlan.Partial(used);
            var plan = child.Measure(width, availableHeight - used);
            switch (plan.Kind)
            {
                case SpacePlanKind.Wrap:
                    return used == 0f ? SpacePlan.Wrap : SpacePlan.Partial(KeepTogether(i, width, availableHeight, used));
                case SpacePlanKind.Partial:
                    return SpacePlan.Partial(used + plan.Height);
                default:
                    used += plan.Height;
                    break;
            }
        }
        return SpacePlan.Full(used);
    }

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight)
    {
        var limit = Measure(width, availableHeight);
        if (limit.Kind == SpacePlanKind.Wrap) return;
        // Measure may stop early (to keep a heading with what follows); never draw past its answer.
        var cap = limit.Kind == SpacePlanKind.Full ? availableHeight : limit.Height;
        var used = 0f;
        while (_next < children.Count)
        {
            var child = children[_next];
            if (child is PageBreakLayout)
            {
                _next++;
                return;
            }
            var plan = child.Measure(width, cap - used);
            if (plan.Kind == SpacePlanKind.Wrap) return;
            child.Draw(surface, x, y + used, width, plan.Height);
            used += plan.Height;
            if (plan.Kind == SpacePlanKind.Partial) return;
            _next++;
        }
    }

    /// <summary>
    /// Height to stop at when child <paramref name="wrapped"/> does not fit: also leave behind the keep-with-next
    /// elements (headings) right before it, unless that would leave the page empty.
    /// </summary>
    private float KeepTogether(int wrapped, float width, float availableHeight, float used)
    {
        var cut = wrapped;
        while (cut - 1 > _next && children[cut - 1].KeepWithNext) cut--;
        if (cut == wrapped) return used;
        var height = 0f;
        for (var i = _next; i < cut; i++) height += children[i].Measure(width, availableHeight - height).Height;
        return height;
    }
}
