namespace FormArchive.Api.Cases;

/// <summary>POST /api/keys.</summary>
public sealed record CreateKeyRequest(string Name, string Role, string? Township, string? County = null, string? Post = null);
