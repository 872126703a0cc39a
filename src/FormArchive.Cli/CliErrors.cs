using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Templates;

namespace FormArchive.Cli;

/// <summary>
/// Every failure becomes one line on stderr and a non-zero exit code; no stack traces for users.
/// Wraps each command's action, because System.CommandLine would otherwise print the exception itself.
/// </summary>
public static class CliErrors
{
    public const int BadInput = 2;
    public const int Failure = 1;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (FormDataException e)
        {
            // Every error, on the one line: a clerk fixes the whole file in one go instead of one error per run.
            var all = string.Join("; ", e.Errors.Select(x => $"{x.Path}: {x.Message}"));
            return Fail($"invalid data for {e.FormId}: {all}".ReplaceLineEndings(" "), BadInput);
        }
        catch (FormNotFoundException e)
        {
            return Fail(e.Message, BadInput);
        }
        catch (Exception e) when (e is MarkupException or LayoutException or TemplateLoadException or TemplateRenderException)
        {
            return Fail(e.Message.ReplaceLineEndings(" "), Failure);
        }
        catch (IOException e)
        {
            return Fail(e.Message, Failure);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(e.Message, Failure);
        }
        catch (InvalidOperationException e)
        {
            return Fail(e.Message.ReplaceLineEndings(" "), Failure);
        }
    }

    public static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"formarchive: error: {message}");
        return code;
    }
}
