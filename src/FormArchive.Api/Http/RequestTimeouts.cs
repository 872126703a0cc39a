using FormArchive.Api.Settings;
using Microsoft.AspNetCore.Http.Timeouts;

namespace FormArchive.Api.Http;

/// <summary>
/// Time limits per request (ASP.NET Core's request-timeout middleware): every endpoint gets
/// <see cref="ApiLimits.RequestTimeoutSeconds"/>, the long ones (<see cref="Long"/>: uploads, dossier, export,
/// verification) <see cref="ApiLimits.LongRequestTimeoutSeconds"/>. A request over its limit has its
/// RequestAborted token cancelled — queue waits, store calls and body reads stop — and, if nothing was sent yet,
/// the client gets 504 problem details. Slow clients are Kestrel's business (minimum body data rate).
/// </summary>
public static class RequestTimeouts
{
    public const string Long = "long";

    public static void AddFormArchiveTimeouts(this IServiceCollection services, ApiLimits limits)
    {
        services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = Policy(limits.RequestTimeoutSeconds);
            o.AddPolicy(Long, Policy(limits.LongRequestTimeoutSeconds));
        });
    }

    private static RequestTimeoutPolicy Policy(int seconds) => new()
    {
        Timeout = TimeSpan.FromSeconds(seconds),
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = http => Problems.Create(StatusCodes.Status504GatewayTimeout, "请求超时",
            $"请求处理超过 {seconds} 秒，已停止。").ExecuteAsync(http),
    };
}
