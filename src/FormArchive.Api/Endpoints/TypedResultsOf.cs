using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// The shared request steps (<see cref="Cases.CaseAccess"/>, <see cref="Problems"/>, <see cref="Work.GatedWork"/>)
/// hand back <see cref="IResult"/>; an endpoint declares what it answers as <c>Results&lt;…&gt;</c>, which the
/// OpenAPI document lists. This narrows one to the other; a result of a type not declared is a programming error.
/// </summary>
public static class TypedResultsOf
{
    public static Results<T1, T2> As<T1, T2>(this IResult result) where T1 : IResult where T2 : IResult => result switch
    {
        T1 a => a,
        T2 b => b,
        _ => throw Undeclared(result),
    };

    public static Results<T1, T2, T3> As<T1, T2, T3>(this IResult result) where T1 : IResult where T2 : IResult where T3 : IResult => result switch
    {
        T1 a => a,
        T2 b => b,
        T3 c => c,
        _ => throw Undeclared(result),
    };

    public static Results<T1, T2, T3, T4> As<T1, T2, T3, T4>(this IResult result)
        where T1 : IResult where T2 : IResult where T3 : IResult where T4 : IResult => result switch
        {
            T1 a => a,
            T2 b => b,
            T3 c => c,
            T4 d => d,
            _ => throw Undeclared(result),
        };

    public static async Task<Results<T1, T2>> As<T1, T2>(this Task<IResult> result) where T1 : IResult where T2 : IResult =>
        (await result).As<T1, T2>();

    public static async Task<Results<T1, T2, T3>> As<T1, T2, T3>(this Task<IResult> result) where T1 : IResult where T2 : IResult where T3 : IResult =>
        (await result).As<T1, T2, T3>();

    public static async Task<Results<T1, T2, T3, T4>> As<T1, T2, T3, T4>(this Task<IResult> result)
        where T1 : IResult where T2 : IResult where T3 : IResult where T4 : IResult =>
        (await result).As<T1, T2, T3, T4>();

    private static InvalidOperationException Undeclared(IResult result) =>
        new($"the endpoint answered {result.GetType().Name}, which its Results<…> does not declare");
}
