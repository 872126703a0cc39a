using FormArchive.Casework.EconomicVerification;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// POST /api/cases/{caseId}/verification-results: the 核对 result as filed (in <see cref="Volume"/>, the case or its
/// 补充卷), labelled as the case's view shows it. <see cref="AlreadyFiled"/>: the same result had been filed before, and
/// nothing was filed now.
/// </summary>
public sealed record VerificationFiled(string CaseId, string Volume, bool AlreadyFiled, VerificationResultView Result);
