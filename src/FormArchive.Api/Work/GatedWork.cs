using FormArchive.Api.Endpoints;

namespace FormArchive.Api.Work;

/// <summary>Runs heavy work through the <see cref="WorkGate"/>, answering 503 + Retry-After when it is full.</summary>
public static class GatedWork
{
    public static async Task<IResult> RunAsync(HttpContext http, Func<Task<IResult>> work)
    {
        var gate = http.RequestServices.GetRequiredService<WorkGate>();
        using var slot = await gate.TryEnterAsync(http.RequestAborted);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "服务繁忙",
                $"全部 {gate.MaxConcurrent} 个生成/识别通道已占满且排队已满，请 {gate.RetryAfterSeconds} 秒后重试。");
        }
        return await work();
    }
}
