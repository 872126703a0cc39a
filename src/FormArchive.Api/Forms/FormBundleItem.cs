namespace FormArchive.Api.Forms;

/// <summary>
/// One form of a bundle, in request order: its id, its case data (JSON text; null prints it blank) and where
/// that data sits in the request body, so that a schema error can point into the body the caller sent.
/// </summary>
/// <param name="DataPath">JSON path of the data in the request body: <c>$.data</c> or <c>$.forms[1].data</c>.</param>
public sealed record FormBundleItem(string FormId, string? Data, string DataPath)
{
    /// <summary>
    /// A path within the form's data (<c>$.members[0].id_number</c>, as the schema check reports it) as a path
    /// within the request body (<c>$.forms[1].data.members[0].id_number</c>).
    /// </summary>
    public string PathInRequest(string dataPath) => dataPath.StartsWith('$') ? DataPath + dataPath[1..] : DataPath + "." + dataPath;
}
