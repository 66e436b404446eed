using System.Text;

namespace KeyWorks.Bulletins.Html;

/// <summary>
/// Builds HTML text. <see cref="Text"/> escapes everything it is given, so text from users (project names,
/// reasons, recommendations) can never become markup; <see cref="Raw"/> is for the renderer's own constant markup.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(64 * 1024);

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        AppendEscaped(_html, text);
        return this;
    }

    public HtmlWriter Open(string tag, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (!string.IsNullOrEmpty(cssClass))
        {
            _html.Append(" class=\"");
            AppendEscaped(_html, cssClass);
            _html.Append('"');
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding escaped text: <c>&lt;td class="num"&gt;62.3%&lt;/td&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? cssClass, string? text) => Open(tag, cssClass).Text(text).Close(tag);

    public override string ToString() => _html.ToString();

    public static string Escape(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
    }
}
