namespace FormArchive.Renderer.Layout;

public enum SpacePlanKind { Wrap, Partial, Full }

/// <summary>
/// An element's answer to "how much of you fits here?" (after QuestPDF's SpacePlan):
/// nothing (Wrap: move to the next page), a part (Partial: the rest continues on the next page), or all of it (Full).
/// </summary>
public readonly record struct SpacePlan(SpacePlanKind Kind, float Height)
{
    public static SpacePlan Wrap { get; } = new(SpacePlanKind.Wrap, 0f);
    public static SpacePlan Partial(float height) => new(SpacePlanKind.Partial, height);
    public static SpacePlan Full(float height) => new(SpacePlanKind.Full, height);
}
