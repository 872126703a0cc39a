namespace FormArchive.Tests.Architecture.Probe;

/// <summary>Called from one method body of <see cref="ArchitectureTests"/> only, so that the checker is seen to read bodies.</summary>
internal static class Callee
{
    public static int Answer() => 42;
}
