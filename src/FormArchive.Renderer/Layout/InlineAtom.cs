using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// The smallest unit a line may be broken around: one CJK character, one Latin word, one space,
/// a check box or a fill-in blank.
/// </summary>
public abstract record InlineAtom(TextStyle Style, float Width)
{
    /// <summary>First character, for the no-line-start rule; null for non-text atoms.</summary>
    public virtual char? First => null;

    /// <summary>Last character, for the no-line-end rule.</summary>
    public virtual char? Last => null;
}

public sealed record TextAtom(string Text, TextStyle Style, float Width) : InlineAtom(Style, Width)
{
    public override char? First => Text[0];
    public override char? Last => Text[^1];
}

/// <summary>
/// A space (ASCII or the ideographic U+3000 that forms separate items with): a break opportunity that vanishes
/// at the end of a line and prints as itself elsewhere.
/// </summary>
public sealed record SpaceAtom(string Text, TextStyle Style, float Width) : InlineAtom(Style, Width);

public sealed record CheckboxAtom(bool Checked, TextStyle Style, float Width) : InlineAtom(Style, Width);

/// <summary>An underlined blank; <see cref="Text"/> is centred in it.</summary>
public sealed record BlankAtom(string? Text, TextStyle Style, float Width, float TextWidth) : InlineAtom(Style, Width);

public sealed record LineBreakAtom(TextStyle Style) : InlineAtom(Style, 0f);
