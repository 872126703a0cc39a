using FormArchive.Templates;

namespace FormArchive.Tests.Templates;

public class TemplateCatalogTests
{
    [Fact]
    public void Loads_the_chizhou_forms()
    {
        var catalog = TestCatalog.Instance;
        // Issue 3 adds the other attachments: the catalog holds at least these two, in id order.
        var ids = catalog.Forms.Select(f => f.Id).ToList();
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "chizhou.acceptance-notice", "chizhou.review-form" });
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        var notice = catalog.Get("chizhou.acceptance-notice").Metadata;
        Assert.Equal("池州市低收入人口申请受理告知书", notice.Title);
        Assert.Equal("chizhou", notice.Jurisdiction);
        Assert.Equal("池民社救〔2024〕56号", notice.SourceDocument);
        Assert.Equal(4, notice.Attachment);
        Assert.Equal("A4", notice.Paper);
        Assert.Equal("portrait", notice.Orientation);

        var review = catalog.Get("chizhou.review-form");
        Assert.Equal("池州市低收入人口审核确认表", review.Metadata.Title);
        Assert.Equal(3, review.Metadata.Attachment);
        Assert.Equal("landscape", review.Metadata.Orientation);
        Assert.Contains("x-min-rows", review.SchemaJson);
        Assert.EndsWith("review-form.scriban", review.TemplatePath);
        Assert.False(review.Template.HasErrors);
    }

    [Fact]
    public void The_archive_s_own_documents_are_not_forms_and_load_on_their_own()
    {
        // templates/archive/ is not a jurisdiction: a clerk is never offered the 案卷封面 as a form …
        Assert.DoesNotContain(TestCatalog.Instance.Forms, f => f.Metadata.Jurisdiction == TemplateCatalog.ArchiveFolder);
        // … but it is laid out and checked the same way (trial render included), and loaded by itself.
        var archive = TemplateCatalog.LoadArchive(TestPaths.TemplatesRoot);
        Assert.Equal(["archive.case-process", "archive.cover", "archive.directory", "archive.record-note", "archive.verification-report"],
            archive.Forms.Select(f => f.Id));
        Assert.Equal("卷内目录", archive.Get("archive.directory").Metadata.Title);
        Assert.Equal("DA/T 70-2018", archive.Get("archive.verification-report").Metadata.SourceDocument);

        // A templates folder without archive/ says so when the archive asks for it.
        using var temp = new TempTemplates().AddForm("good", """<document title="t" paper="A4" orientation="portrait"/>""");
        Assert.Contains(TemplateCatalog.ArchiveFolder, Assert.Throws<DirectoryNotFoundException>(() => TemplateCatalog.LoadArchive(temp.Root)).Message);
    }

    [Fact]
    public void Unknown_id_throws_form_not_found_listing_the_forms()
    {
        var ex = Assert.Throws<FormNotFoundException>(() => TestCatalog.Instance.Get("chizhou.nope"));
        Assert.Equal("chizhou.nope", ex.FormId);
        Assert.Contains("chizhou.review-form", ex.AvailableIds);
        Assert.Contains("chizhou.nope", ex.Message);
        Assert.False(TestCatalog.Instance.TryGet("chizhou.nope", out _));
    }

    [Fact]
    public void A_syntax_error_fails_the_load_with_form_id_and_scriban_message()
    {
        using var temp = new TempTemplates()
            .AddForm("good", """<document title="t" paper="A4" orientation="portrait"/>""")
            .AddForm("broken", """<document title="t" paper="A4" orientation="portrait">{{ if x }}</document>""");
        var ex = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root));
        Assert.All(ex.Problems, p => Assert.Equal("test.broken", p.FormId));
        Assert.Contains("Scriban", ex.Problems[0].Message);
        Assert.Contains("broken.scriban", ex.Problems[0].File);
        Assert.Contains("test.broken", ex.Message);
    }

    [Fact]
    public void Markup_that_is_not_well_formed_fails_the_load()
    {
        using var temp = new TempTemplates().AddForm("unclosed", """<document title="t" paper="A4" orientation="portrait"><p>x</document>""");
        var problem = Assert.Single(Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root)).Problems);
        Assert.Equal("test.unclosed", problem.FormId);
        Assert.Contains("XML", problem.Message);
    }

    [Fact]
    public void Orientation_must_match_the_metadata()
    {
        using var temp = new TempTemplates().AddForm("turned", """<document title="t" paper="A4" orientation="landscape"/>""");
        var problem = Assert.Single(Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root)).Problems);
        Assert.Contains("orientation", problem.Message);
    }

    [Fact]
    public void Missing_files_and_wrong_ids_are_reported()
    {
        using var temp = new TempTemplates().AddForm("a", """<document title="t" paper="A4" orientation="portrait"/>""");
        File.Delete(Path.Combine(temp.Root, "test", "a.schema.json"));
        File.WriteAllText(Path.Combine(temp.Root, "test", "b.scriban"), "<document/>");
        File.WriteAllText(Path.Combine(temp.Root, "test", "c.form.json"),
            """{"id":"other.c","title":"t","jurisdiction":"test","paper":"A4","orientation":"portrait"}""");
        File.WriteAllText(Path.Combine(temp.Root, "test", "c.scriban"), """<document title="t" paper="A4" orientation="portrait"/>""");
        File.WriteAllText(Path.Combine(temp.Root, "test", "c.schema.json"), "{}");
        var ex = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root));
        Assert.Contains(ex.Problems, p => p.FormId == "test.a" && p.File.EndsWith("a.schema.json"));
        Assert.Contains(ex.Problems, p => p.FormId == "test.b" && p.Message.Contains("b.form.json"));
        Assert.Contains(ex.Problems, p => p.FormId == "other.c" && p.Message.Contains("test.c"));
    }

    [Fact]
    public void Missing_root_directory()
    {
        Assert.Throws<DirectoryNotFoundException>(() => TemplateCatalog.Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())));
    }

    [Fact]
    public void Finds_the_templates_directory_walking_up()
    {
        var deep = Path.Combine(TestPaths.RepoRoot, "src", "FormArchive.Templates");
        Assert.Equal(TestPaths.TemplatesRoot, TemplateCatalog.FindRootFrom(deep));
        Assert.Equal(TestPaths.TemplatesRoot, TemplateCatalog.FindRootFrom(TestPaths.RepoRoot));
        Assert.Null(TemplateCatalog.FindRootFrom(Path.GetPathRoot(Path.GetTempPath())!));
    }

    [Fact]
    public void The_environment_variable_wins()
    {
        var saved = Environment.GetEnvironmentVariable(TemplateCatalog.RootEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(TemplateCatalog.RootEnvironmentVariable, TestPaths.TemplatesRoot);
            Assert.Equal(TestPaths.TemplatesRoot, TemplateCatalog.FindDefaultRoot());
            Environment.SetEnvironmentVariable(TemplateCatalog.RootEnvironmentVariable, "/no/such/dir");
            var ex = Assert.Throws<DirectoryNotFoundException>(TemplateCatalog.FindDefaultRoot);
            Assert.Contains(TemplateCatalog.RootEnvironmentVariable, ex.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(TemplateCatalog.RootEnvironmentVariable, saved);
        }
    }
}
