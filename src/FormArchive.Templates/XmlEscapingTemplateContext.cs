using Scriban;
using Scriban.Parsing;

namespace FormArchive.Templates;

/// <summary>
/// A Scriban context that XML-escapes the result of every expression (<c>{{ value }}</c>) written to
/// the output, while the literal text of the template (the markup itself) is written as is.
/// </summary>
/// <remarks>
/// Scriban writes literal template text through <c>Write(string, int, int)</c> / <c>Write(ScriptStringSlice)</c>
/// and the value of an expression statement through the virtual <see cref="TemplateContext.Write(SourceSpan, object)"/>
/// (and its async twin). Overriding only those two therefore escapes exactly the interpolated values.
/// Non-string values (numbers, booleans, arrays, objects, a <c>capture</c>d block) are first turned into
/// text with <see cref="TemplateContext.ObjectToString(object, bool)"/> and then escaped too, so nothing
/// interpolated can add elements or attributes. (A consequence: a <c>capture</c>d block that contains
/// markup is escaped when output again; templates should not build markup with <c>capture</c>.)
/// </remarks>
public class XmlEscapingTemplateContext : TemplateContext
{
    /// <inheritdoc/>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null)
            return this;
        return base.Write(span, XmlText.Escape(ToText(textAsObject)));
    }

    /// <inheritdoc/>
    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null)
            return ValueTask.FromResult<TemplateContext>(this);
        return base.WriteAsync(span, XmlText.Escape(ToText(textAsObject)));
    }

    private string ToText(object value) => value as string ?? ObjectToString(value) ?? string.Empty;
}
