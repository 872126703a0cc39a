using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Records;

/// <summary>The saved version a form is printed from: its number among the versions, the document holding it, and its data.</summary>
public sealed record CaseRecordPrintSource(int Version, DocumentEntry Document, JsonObject Data);
