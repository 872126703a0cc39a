using FormArchive.Api.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Tests.Api;

/// <summary>The shared steps' IResult narrowed to an endpoint's declared Results&lt;…&gt;: declared types pass, others are a programming error.</summary>
public class TypedResultsOfTests
{
    [Fact]
    public async Task A_declared_result_is_narrowed_and_an_undeclared_one_throws()
    {
        var ok = await Task.FromResult<IResult>(TypedResults.Ok("x")).As<Ok<string>, ProblemHttpResult>();
        Assert.IsType<Ok<string>>(ok.Result);
        var problem = Problems.Create(StatusCodes.Status404NotFound, "未找到案件", "没有编号为 x 的案件。");
        Assert.Same(problem, ((IResult)problem).As<Ok<string>, ProblemHttpResult>().Result);
        var third = ((IResult)TypedResults.NoContent()).As<Ok<string>, ProblemHttpResult, NoContent>();
        Assert.IsType<NoContent>(third.Result);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.FromResult<IResult>(TypedResults.Ok(42)).As<Ok<string>, ProblemHttpResult>());
        Assert.Contains("Ok`1", e.Message);
    }
}
