namespace FormArchive.Renderer.Model;

/// <summary>Content that flows inside a paragraph line.</summary>
public abstract record Inline(TextStyle Style);

/// <summary>
/// Plain text. May contain spaces; line breaking happens in the layout engine. <see cref="NoWrap"/> keeps the run on
/// one line (a check box's label such as 低保边缘家庭) unless it is wider than a whole line.
/// </summary>
public sealed record TextRun(string Text, TextStyle Style, bool NoWrap = false) : Inline(Style);

/// <summary>
/// A square check box drawn as vector graphics (Noto CJK has no ☐/☑ glyphs). Its state is also written as
/// invisible text, <see cref="TextFor"/>, so a searchable archive can tell a ticked box from an empty one.
/// </summary>
public sealed record Checkbox(bool Checked, TextStyle Style) : Inline(Style)
{
    /// <summary>Text for a ticked box: √ (U+221A), the tick a clerk writes into □ on a paper form.</summary>
    public const string CheckedText = "\u221A";
    /// <summary>Text for an empty box: □ (U+25A1).</summary>
    public const string UncheckedText = "\u25A1";

    /// <summary>The box's state as text (<see cref="CheckedText"/> or <see cref="UncheckedText"/>).</summary>
    public static string TextFor(bool isChecked) => isChecked ? CheckedText : UncheckedText;
}

/// <summary>
/// A fill-in blank: an underlined space of at least <see cref="WidthPt"/> for handwriting,
/// holding <see cref="Text"/> centred when the data supplies it.
/// </summary>
public sealed record Blank(string? Text, float WidthPt, TextStyle Style) : Inline(Style);

/// <summary>A forced line break inside a paragraph.</summary>
public sealed record LineBreak(TextStyle Style) : Inline(Style);
