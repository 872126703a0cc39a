using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using NJsonSchema;
using Scriban;

namespace FormArchive.Templates;

/// <summary>
/// The forms available, loaded from a templates directory laid out as one folder per jurisdiction and
/// three files per form:
/// <code>
/// templates/
///   case.schema.json                      shared definitions ($ref'd by the form schemas)
///   chizhou/
///     acceptance-notice.scriban           Scriban template producing document markup
///     acceptance-notice.form.json         metadata (id "chizhou.acceptance-notice", title, …)
///     acceptance-notice.schema.json       JSON Schema (draft-07) of the data it needs
/// </code>
/// Loading parses every template and does a trial render of each with blank data, so a broken template
/// (syntax error, reference to an undeclared member, markup that is not well-formed) fails here, naming
/// the form, rather than when a caseworker prints it.
/// </summary>
public sealed class TemplateCatalog
{
    /// <summary>Environment variable that overrides where templates are found.</summary>
    public const string RootEnvironmentVariable = "FORMARCHIVE_TEMPLATES";

    private const string MetadataSuffix = ".form.json";
    private const string SchemaSuffix = ".schema.json";
    private static readonly JsonSerializerOptions MetadataJson = new() { RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true };
    private const string TemplateSuffix = ".scriban";

    private readonly Dictionary<string, FormTemplate> _byId;

    private TemplateCatalog(string root, IReadOnlyList<FormTemplate> forms)
    {
        Root = root;
        Forms = forms;
        _byId = forms.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>The directory the catalog was loaded from.</summary>
    public string Root { get; }

    /// <summary>All forms, ordered by id.</summary>
    public IReadOnlyList<FormTemplate> Forms { get; }

    /// <summary>The form with id <paramref name="id"/>.</summary>
    /// <exception cref="FormNotFoundException">No such form.</exception>
    public FormTemplate Get(string id) =>
        TryGet(id, out var form) ? form : throw new FormNotFoundException(id, _byId.Keys.Order(StringComparer.Ordinal));

    /// <summary>Looks a form up by id.</summary>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FormTemplate? form) =>
        _byId.TryGetValue(id ?? string.Empty, out form);

    /// <summary>
    /// The folder of the archive's own documents (案卷封面, 卷内目录, 卷内备考表, 四性检测报告 …): laid out and checked
    /// like a jurisdiction's forms, but not forms a clerk prints for a case, so <see cref="Load(string)"/> leaves it out and
    /// <see cref="LoadArchive"/> loads only it.
    /// </summary>
    public const string ArchiveFolder = "archive";

    /// <summary>Loads and checks every form under <paramref name="templatesRoot"/> (every jurisdiction folder but <see cref="ArchiveFolder"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="TemplateLoadException">Any form is broken; lists every problem found.</exception>
    public static TemplateCatalog Load(string templatesRoot) => Load(templatesRoot, archive: false);

    /// <summary>Loads and checks the archive's own documents, <c>templates/archive/</c> (ids <c>archive.&lt;name&gt;</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory or its archive folder does not exist.</exception>
    /// <exception cref="TemplateLoadException">Any template is broken; lists every problem found.</exception>
    public static TemplateCatalog LoadArchive(string templatesRoot) => Load(templatesRoot, archive: true);

    private static TemplateCatalog Load(string templatesRoot, bool archive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templatesRoot);
        var root = Path.GetFullPath(templatesRoot);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"模板目录不存在：{root}");

        var problems = new List<TemplateLoadProblem>();
        var forms = new List<FormTemplate>();
        var renderer = new FormRenderer();

        var archiveDir = Path.Combine(root, ArchiveFolder);
        if (archive && !Directory.Exists(archiveDir))
            throw new DirectoryNotFoundException($"模板目录中没有档案文书目录：{archiveDir}");
        List<string> folders = archive
            ? [archiveDir]
            : Directory.EnumerateDirectories(root).Where(d => Path.GetFileName(d) != ArchiveFolder).Order(StringComparer.Ordinal).ToList();
        foreach (var jurisdictionDir in folders)
        {
            var jurisdiction = Path.GetFileName(jurisdictionDir);
            foreach (var metadataPath in Directory.EnumerateFiles(jurisdictionDir, "*" + MetadataSuffix).Order(StringComparer.Ordinal))
            {
                var form = LoadForm(root, jurisdiction, metadataPath, problems);
                if (form is not null)
                    forms.Add(form);
            }
            // A template or schema without metadata is a mistake too.
            foreach (var orphan in Directory.EnumerateFiles(jurisdictionDir)
                         .Where(f => f.EndsWith(TemplateSuffix, StringComparison.Ordinal) || f.EndsWith(SchemaSuffix, StringComparison.Ordinal)))
            {
                var name = Path.GetFileName(orphan);
                var baseName = name.EndsWith(TemplateSuffix, StringComparison.Ordinal) ? name[..^TemplateSuffix.Length] : name[..^SchemaSuffix.Length];
                if (!File.Exists(Path.Combine(jurisdictionDir, baseName + MetadataSuffix)))
                    problems.Add(new TemplateLoadProblem($"{jurisdiction}.{baseName}", orphan, $"缺少元数据文件 {baseName}{MetadataSuffix}。"));
            }
        }

        foreach (var duplicate in forms.GroupBy(f => f.Id).Where(g => g.Count() > 1))
            problems.Add(new TemplateLoadProblem(duplicate.Key, duplicate.First().MetadataPath, "表单 id 重复。"));

        foreach (var form in forms)
            TrialRender(form, renderer, problems);

        if (problems.Count > 0)
            throw new TemplateLoadException(root, problems);
        return new TemplateCatalog(root, forms.OrderBy(f => f.Id, StringComparer.Ordinal).ToList());
    }

    private static FormTemplate? LoadForm(string root, string jurisdiction, string metadataPath, List<TemplateLoadProblem> problems)
    {
        var fileName = Path.GetFileName(metadataPath);
        var baseName = fileName[..^MetadataSuffix.Length];
        var expectedId = $"{jurisdiction}.{baseName}";
        var dir = Path.GetDirectoryName(metadataPath)!;
        var templatePath = Path.Combine(dir, baseName + TemplateSuffix);
        var schemaPath = Path.Combine(dir, baseName + SchemaSuffix);
        var before = problems.Count;

        FormMetadata? metadata = null;
        try
        {
            metadata = JsonSerializer.Deserialize<FormMetadata>(File.ReadAllText(metadataPath), MetadataJson);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            problems.Add(new TemplateLoadProblem(expectedId, metadataPath, "元数据无效：" + ex.Message));
        }
        var id = metadata?.Id ?? expectedId;
        if (metadata is not null)
        {
            if (metadata.Id != expectedId)
                problems.Add(new TemplateLoadProblem(id, metadataPath, $"id 应为“{expectedId}”（目录名.文件名），实际为“{metadata.Id}”。"));
            if (metadata.Jurisdiction != jurisdiction)
                problems.Add(new TemplateLoadProblem(id, metadataPath, $"jurisdiction 应为“{jurisdiction}”，实际为“{metadata.Jurisdiction}”。"));
            if (metadata.Orientation is not ("portrait" or "landscape"))
                problems.Add(new TemplateLoadProblem(id, metadataPath, $"orientation 应为 portrait 或 landscape，实际为“{metadata.Orientation}”。"));
        }

        string? schemaJson = null;
        JsonSchema? schema = null;
        if (!File.Exists(schemaPath))
            problems.Add(new TemplateLoadProblem(id, schemaPath, "缺少数据结构文件（JSON Schema）。"));
        else
        {
            try
            {
                // Served over HTTP and printed by the CLI, where "../case.schema.json" would not resolve.
                schemaJson = SelfContainedSchema.Inline(File.ReadAllText(schemaPath), schemaPath);
                // FromFileAsync resolves relative file references such as "../case.schema.json#/definitions/person".
                schema = JsonSchema.FromFileAsync(schemaPath).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                problems.Add(new TemplateLoadProblem(id, schemaPath, "JSON Schema 无效：" + ex.Message));
            }
        }

        Template? template = null;
        if (!File.Exists(templatePath))
            problems.Add(new TemplateLoadProblem(id, templatePath, "缺少模板文件。"));
        else
        {
            template = Template.Parse(File.ReadAllText(templatePath), templatePath);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                    problems.Add(new TemplateLoadProblem(id, templatePath, "Scriban 语法错误：" + message));
            }
        }

        if (problems.Count > before || metadata is null || schema is null || template is null || schemaJson is null)
            return null;
        return new FormTemplate(metadata, schemaJson, schema, template, templatePath, schemaPath, metadataPath);
    }

    private static void TrialRender(FormTemplate form, FormRenderer renderer, List<TemplateLoadProblem> problems)
    {
        string markup;
        try
        {
            markup = renderer.RenderMarkup(form, null);
        }
        catch (TemplateRenderException ex)
        {
            problems.Add(new TemplateLoadProblem(form.Id, form.TemplatePath, "空白试渲染失败：" + ex.ScribanMessage));
            return;
        }
        catch (Exception ex)
        {
            problems.Add(new TemplateLoadProblem(form.Id, form.TemplatePath, "空白试渲染失败：" + ex.Message));
            return;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(markup), settings);
            var doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            var root = doc.Root!;
            if (root.Name.LocalName != "document")
                problems.Add(new TemplateLoadProblem(form.Id, form.TemplatePath, $"根元素应为 <document>，实际为 <{root.Name.LocalName}>。"));
            else
            {
                var paper = (string?)root.Attribute("paper");
                var orientation = (string?)root.Attribute("orientation") ?? "portrait";
                if (!string.Equals(paper, form.Metadata.Paper, StringComparison.OrdinalIgnoreCase))
                    problems.Add(new TemplateLoadProblem(form.Id, form.TemplatePath, $"<document paper=\"{paper}\"> 与元数据 paper “{form.Metadata.Paper}”不一致。"));
                if (orientation != form.Metadata.Orientation)
                    problems.Add(new TemplateLoadProblem(form.Id, form.TemplatePath,
                        $"<document orientation=\"{orientation}\"> 与元数据 orientation “{form.Metadata.Orientation}”不一致。"));
            }
        }
        catch (XmlException ex)
        {
            problems.Add(new TemplateLoadProblem(form.Id, form.TemplatePath, $"空白试渲染的标记不是格式良好的 XML（输出第 {ex.LineNumber} 行第 {ex.LinePosition} 列）：{ex.Message}"));
        }
    }

    /// <summary>
    /// Locates the templates directory: the directory named by <c>FORMARCHIVE_TEMPLATES</c> when set, otherwise
    /// the first <c>templates/</c> directory holding forms found walking up from <see cref="AppContext.BaseDirectory"/>,
    /// then from the current directory.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Not found (the message says where it looked).</exception>
    public static string FindDefaultRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable(RootEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            var full = Path.GetFullPath(fromEnv);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"{RootEnvironmentVariable} 指向的模板目录不存在：{full}");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var found = FindRootFrom(start);
            if (found is not null)
                return found;
        }
        throw new DirectoryNotFoundException(
            $"找不到模板目录：从 {AppContext.BaseDirectory} 和 {Environment.CurrentDirectory} 向上都没有 templates/ 目录；请设置环境变量 {RootEnvironmentVariable}。");
    }

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> looking for a <c>templates</c> directory that holds a
    /// <c>case.schema.json</c> or at least one <c>*/*.form.json</c>; null when there is none.
    /// </summary>
    public static string? FindRootFrom(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates");
            if (IsTemplatesRoot(candidate))
                return candidate;
        }
        return null;
    }

    private static bool IsTemplatesRoot(string path) =>
        Directory.Exists(path) &&
        (File.Exists(Path.Combine(path, "case.schema.json")) ||
         Directory.EnumerateDirectories(path).Any(d => Directory.EnumerateFiles(d, "*" + MetadataSuffix).Any()));
}
