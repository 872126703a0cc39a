using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using FormArchive.Api;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;
using FormArchive.Cli;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Renderer.Markup;
using FormArchive.Templates;

namespace FormArchive.Tests.Architecture;

/// <summary>
/// The house rules of the source tree, checked on the compiled assemblies: a type name means one thing (no two
/// top-level types of src/ share a simple name), and inside each assembly the namespaces form layers (no namespace
/// cycle). A namespace depends on another when one of its types (nested and compiler-generated ones included: lambdas
/// and async methods live there) names a type of the other in its base types, interfaces, attributes, fields,
/// properties, method signatures or method bodies (every call, field access, object creation and type token).
/// Constants are inlined by the compiler and leave no reference: a use of another namespace's const is not seen.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Every assembly built from src/, each found through one of its types.</summary>
    public static IReadOnlyList<Assembly> SourceAssemblies { get; } =
    [
        typeof(ChineseIdNumber).Assembly,    // FormArchive.Domain
        typeof(MarkupParser).Assembly,       // FormArchive.Renderer
        typeof(FormRenderer).Assembly,       // FormArchive.Templates
        typeof(ScanPipeline).Assembly,       // FormArchive.Ingest
        typeof(CaseArchive).Assembly,        // FormArchive.Archive
        typeof(CaseProcedure).Assembly,      // FormArchive.Casework
        typeof(CliErrors).Assembly,          // FormArchive.Cli
        typeof(FormArchiveApp).Assembly,     // FormArchive.Api
    ];

    public static TheoryData<string> AssemblyNames() => [.. SourceAssemblies.Select(a => a.GetName().Name!)];

    [Fact]
    public void Every_src_assembly_is_checked()
    {
        // The CLI's assembly is named after its command (formarchive); the others after their project.
        var names = SourceAssemblies.Select(a => a.GetName().Name!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("formarchive", n, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Top-level types only: a nested type is always named through its container outside it. A partial type is one
    /// type, however many files declare it. Left out: what the compiler makes (closures, file-local types, embedded
    /// attributes) and the entry point of a program with top-level statements (<c>Program</c>, one per executable).
    /// </summary>
    [Fact]
    public void No_two_types_in_src_share_a_name()
    {
        var clashes = SourceAssemblies
            .SelectMany(a => NamedTypes(a).Select(t => (Name: SimpleName(t), Type: t)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Type.FullName} ({x.Type.Assembly.GetName().Name})"))}")
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();
        Assert.True(clashes.Count == 0, "Type names defined more than once in src/:\n" + string.Join('\n', clashes));
    }

    /// <summary>
    /// Cycles that were there when this test was written and that issue 21 did not name (it named Casework's, which
    /// are gone). Each is a whole strongly connected set of namespaces. The list only shrinks: a cycle not listed
    /// here, or a listed one that has grown, fails; so does a listed one that is gone (delete its line).
    /// </summary>
    private static readonly Dictionary<string, string[][]> KnownCycles = new(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Namespaces_have_no_cycle(string assemblyName)
    {
        var assembly = SourceAssemblies.Single(a => a.GetName().Name == assemblyName);
        var graph = NamespaceDependencies(assembly);
        var found = Cycles(graph);
        var known = KnownCycles.TryGetValue(assemblyName, out var k) ? k.Select(c => string.Join(" ↔ ", c.Order(StringComparer.Ordinal))).ToHashSet() : [];
        var fresh = found.Where(c => !known.Contains(string.Join(" ↔ ", c))).Select(c => Describe(c, graph)).ToList();
        Assert.True(fresh.Count == 0, $"Namespace cycles in {assemblyName}:\n" + string.Join("\n\n", fresh));
        var gone = known.Except(found.Select(c => string.Join(" ↔ ", c))).ToList();
        Assert.True(gone.Count == 0, $"Cycles of {assemblyName} listed in {nameof(KnownCycles)} are gone or changed; delete or update their lines:\n" + string.Join('\n', gone));
    }

    /// <summary>The checker itself sees a dependency that lives only in a method body (a call), and finds a cycle.</summary>
    [Fact]
    public void The_cycle_finder_names_a_cycle()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "A.X → B.Y" },
            ["B"] = new() { ["C"] = "B.Y → C.Z" },
            ["C"] = new() { ["A"] = "C.Z → A.X" },
            ["D"] = new() { ["A"] = "D.W → A.X" },
        };
        var cycle = Assert.Single(Cycles(graph));
        Assert.Equal(["A", "B", "C"], cycle.Order());
        Assert.Contains("A.X → B.Y", Describe(cycle, graph));

        var uses = NamespaceDependencies(typeof(ArchitectureTests).Assembly);
        Assert.True(uses.TryGetValue("FormArchive.Tests.Architecture", out var from) && from.ContainsKey("FormArchive.Tests.Architecture.Probe"),
            "a call inside a method body counts as a dependency");
        Assert.Equal(42, CallsTheProbe());
    }

    private static int CallsTheProbe() => Probe.Callee.Answer();

    private static IEnumerable<Type> NamedTypes(Assembly assembly)
    {
        var entry = assembly.EntryPoint?.DeclaringType;
        return assembly.GetTypes().Where(t =>
            !t.IsNested && t != entry && !t.Name.Contains('<')
            && t.Namespace?.StartsWith("FormArchive", StringComparison.Ordinal) == true
            && !t.IsDefined(typeof(CompilerGeneratedAttribute), false));
    }

    private static string SimpleName(Type t) => t.Name.Split('`')[0];

    /// <summary>For each namespace of the assembly, the namespaces of the same assembly it uses, each with one example use.</summary>
    private static Dictionary<string, Dictionary<string, string>> NamespaceDependencies(Assembly assembly)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null) continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new(StringComparer.Ordinal);
            foreach (var used in UsedTypes(type))
            {
                foreach (var t in Expand(used))
                {
                    if (t.Assembly != assembly || NamespaceOf(t) is not { } to || to == from) continue;
                    edges.TryAdd(to, $"{Outermost(type).FullName} → {Outermost(t).FullName}");
                }
            }
        }
        return graph;
    }

    private static string? NamespaceOf(Type t) => Outermost(t).Namespace;

    private static Type Outermost(Type t)
    {
        while (t.DeclaringType is { } d) t = d;
        return t;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        if (type.BaseType is { } b) yield return b;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.GetFields(All)) yield return f.FieldType;
        foreach (var p in type.GetProperties(All)) yield return p.PropertyType;
        foreach (var ev in type.GetEvents(All)) if (ev.EventHandlerType is { } h) yield return h;
        var methods = type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All));
        foreach (var m in methods)
        {
            if (m is MethodInfo mi) yield return mi.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            foreach (var t in BodyReferences(m)) yield return t;
        }
    }

    /// <summary>The types a method body names: declaring types of the methods it calls and fields it touches, and its type tokens.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException) { il = null; }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            OpCode op;
            if (il[i] == 0xFE) { op = TwoByte[il[i + 1]]; i += 2; }
            else { op = OneByte[il[i]]; i += 1; }
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member;
                    try { member = method.Module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException) { member = null; }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case FieldInfo f:
                            if (f.DeclaringType is { } fd) yield return fd;
                            yield return f.FieldType;
                            break;
                        case MethodBase mb:
                            if (mb.DeclaringType is { } md) yield return md;
                            if (mb is MethodInfo { IsGenericMethod: true } g)
                                foreach (var a in g.GetGenericArguments()) yield return a;
                            break;
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += OperandSize(op.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType t) => t switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static ArchitectureTests()
    {
        foreach (var f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (f.GetValue(null) is not OpCode op) continue;
            var value = (ushort)op.Value;
            if (op.Size == 1) OneByte[value] = op;
            else TwoByte[value & 0xFF] = op;
        }
    }

    /// <summary>A type with its element and generic arguments, each of which it depends on.</summary>
    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.IsGenericParameter) yield break;
        if (t.HasElementType)
        {
            foreach (var x in Expand(t.GetElementType()!)) yield return x;
            yield break;
        }
        if (t.IsGenericType && !t.IsGenericTypeDefinition)
        {
            yield return t.GetGenericTypeDefinition();
            foreach (var a in t.GetGenericArguments())
                foreach (var x in Expand(a)) yield return x;
            yield break;
        }
        yield return t;
    }

    /// <summary>The strongly connected components of more than one namespace (Tarjan), each sorted.</summary>
    private static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var e) ? e.Keys.Order(StringComparer.Ordinal).ToList() : [])
            {
                if (!index.TryGetValue(w, out var seen)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) result.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return result;
    }

    /// <summary>The namespaces of a cycle and every use between them that closes it, one example type each.</summary>
    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, string>> graph)
    {
        var members = cycle.ToHashSet(StringComparer.Ordinal);
        var uses = cycle.SelectMany(from => graph.TryGetValue(from, out var e)
            ? e.Where(x => members.Contains(x.Key)).Select(x => $"  {from} → {x.Key}: {x.Value}")
            : []);
        return $"{string.Join(" ↔ ", cycle)}\n{string.Join('\n', uses)}";
    }
}
