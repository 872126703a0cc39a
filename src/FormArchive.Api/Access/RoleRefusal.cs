using FormArchive.Api.Http;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FormArchive.Api.Access;

/// <summary>
/// A key of the wrong role: 403 problem naming, in Chinese, the caller's role and the roles allowed ("此密钥的角色
/// （接口调用方）无权执行此操作；允许的角色：办事员、档案员"). Everything else (401 challenges, success) as the framework does it.
/// </summary>
public sealed class RoleRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || Caller.Of(context) is not { } caller) return _framework.HandleAsync(next, context, policy, result);
        if (caller.Key is { Role: Role.Clerk, County: { } county })
            return Problems.Create(StatusCodes.Status403Forbidden, "县级密钥不能办理乡镇事务",
                $"{caller.Key.Name}是{county}的{(caller.Key.Post is { } p ? Posts.Label(p) : "工作人员")}，只能在县级审核台查看已报送的案卷并作出审核确认、审签或退回补正，"
                + "不能办理乡镇（街道）的事务。").ExecuteAsync(context);
        if (CountyDesk.IsCountyRoute(context))
            return Problems.Create(StatusCodes.Status403Forbidden, "只有县（区）民政局的工作人员可以使用",
                $"县级审核台只对县（区）民政局的工作人员开放；{caller.Key.Name}的密钥属于{caller.Key.Unit ?? "无所属单位"}。").ExecuteAsync(context);
        var requirements = result.AuthorizationFailure?.FailedRequirements ?? policy.Requirements;
        var allowed = requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct()
            .Select(name => Roles.TryParse(name, out var role) ? Roles.Label(role) : name);
        return Problems.Create(StatusCodes.Status403Forbidden, "此角色无权操作",
            $"此密钥的角色（{Roles.Label(caller.Key.Role)}）无权执行此操作；允许的角色：{string.Join("、", allowed)}").ExecuteAsync(context);
    }
}
