namespace FormArchive.Renderer.Layout;

/// <summary>Content that cannot be placed on a page at all (for example a table row group taller than a whole page).</summary>
public sealed class LayoutException(string message) : Exception(message);
