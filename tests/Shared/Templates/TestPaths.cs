using System.Runtime.CompilerServices;
using FormArchive.Templates;

namespace FormArchive.Tests.Templates;

/// <summary>
/// Locates the repository from this source file, so tests work whatever the build output path
/// (e.g. --artifacts-path outside the repository).
/// </summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TemplatesRoot => Path.Combine(RepoRoot, "templates");

    public static string Sample(string fileName) => Path.Combine(RepoRoot, "samples", fileName);

    public static string ReadSample(string fileName) => File.ReadAllText(Sample(fileName));

    private static string FindRepoRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "templates")) && Directory.Exists(Path.Combine(dir.FullName, "samples")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root not found above " + thisFile);
    }
}

/// <summary>The real catalog, loaded once for all tests.</summary>
internal static class TestCatalog
{
    private static readonly Lazy<TemplateCatalog> Lazy = new(() => TemplateCatalog.Load(TestPaths.TemplatesRoot));

    public static TemplateCatalog Instance => Lazy.Value;

    public static FormRenderer Renderer { get; } = new();
}

/// <summary>A throw-away templates directory for tests that need their own forms.</summary>
internal sealed class TempTemplates : IDisposable
{
    public TempTemplates()
    {
        Root = Path.Combine(Path.GetTempPath(), "fa-tpl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes test/&lt;name&gt;.{scriban,form.json,schema.json}.</summary>
    public TempTemplates AddForm(string name, string template, string schema = """{"type":"object","properties":{}}""",
        string jurisdiction = "test", string orientation = "portrait")
    {
        var dir = Path.Combine(Root, jurisdiction);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".scriban"), template);
        File.WriteAllText(Path.Combine(dir, name + ".schema.json"), schema);
        File.WriteAllText(Path.Combine(dir, name + ".form.json"), $$"""
            {"id":"{{jurisdiction}}.{{name}}","title":"测试表","jurisdiction":"{{jurisdiction}}","paper":"A4","orientation":"{{orientation}}"}
            """);
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
