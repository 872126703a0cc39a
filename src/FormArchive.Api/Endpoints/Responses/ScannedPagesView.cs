using FormArchive.Api.Cases;
using FormArchive.Archive.Cases;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/cases/{caseId}/pages: the household (ID numbers masked) and every scanned page.</summary>
public sealed record ScannedPagesView(string CaseId, bool Sealed, IReadOnlyList<MaskedMember> Members, IReadOnlyList<ScannedPageView> Pages);

/// <summary>A household member as the desk shows them: the name and the masked ID number.</summary>
public sealed record MaskedMember(string Name, string IdNumberMasked);

/// <summary>POST /api/cases/{caseId}/pages/corrections: the filed correction and the page as it now reads.</summary>
public sealed record PageCorrected(DocumentEntry Correction, ScannedPageView Page);
