namespace FormArchive.Api.Http;

/// <summary>What a JSON-taking endpoint accepts (<see cref="JsonBody"/>); also the endpoint's metadata.</summary>
/// <param name="Type">What the body is read into; null: kept as text, only checked to be well-formed.</param>
/// <param name="What">What the body is, in the problem's words ("案件数据过大").</param>
public sealed record JsonBodyRule(Type? Type, int MaxBytes, string What, bool Optional);
