using System.Text.Json;
using FormArchive.Api.Access;
using FormArchive.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FormArchive.Api.Observability;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) and its browsable reference page (/scalar). Operation ids, summaries,
/// descriptions, tags and responses come from each endpoint's own metadata (WithName, WithSummary, WithTags,
/// Results&lt;…&gt;); here only what the metadata implies for the document: the request body of a JSON endpoint
/// (its <see cref="JsonBodyRule"/>), and for an endpoint that requires authorization the X-Api-Key scheme, with
/// the roles of its policy in its description.
/// </summary>
public static class ApiReference
{
    public static void AddApiReference(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddOperationTransformer(async (operation, context, cancel) =>
        {
            var problem = await ProblemSchemaAsync(context, cancel);
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyRule>().FirstOrDefault() is { } body)
            {
                Problem(operation, problem, "400", "Malformed or mistyped JSON, naming its path");
                Problem(operation, problem, "413", "The body is over its limit");
                Problem(operation, problem, "415", "Not sent as application/json");
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = !body.Optional,
                    Description = $"JSON, at most {body.MaxBytes:N0} bytes",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Schema = await context.GetOrCreateSchemaAsync(body.Type ?? typeof(JsonElement), cancellationToken: cancel),
                        },
                    },
                };
            }
            var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (policies.Count == 0)
            {
                operation.Security = [new OpenApiSecurityRequirement()]; // {}: no key needed
                return;
            }
            operation.Security = [KeyRequirement(context.Document!)];
            Problem(operation, problem, "401", "No API key, or one that is unknown or revoked");
            Problem(operation, problem, "403", "The key's role may not do this");
            var roles = string.Join("; ", policies.Select(p => string.Join(", ", AccessPolicies.All[p].Select(FormArchive.Archive.Access.Roles.Name))));
            operation.Description = string.IsNullOrEmpty(operation.Description)
                ? $"API key roles: {roles}."
                : $"{operation.Description}\n\nAPI key roles: {roles}.";
        });
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FormArchive";
            document.Info.Description = "Forms, cases and archives of social-assistance casework. Send API keys in the X-Api-Key header.";
            // The key is required document-wide, so that Scalar selects it and sends X-Api-Key ("No authentication
            // selected" otherwise); the public operations say so with an empty requirement ({}: no key needed).
            document.Security = [KeyRequirement(document)];
            return Task.CompletedTask;
        });
    });

    /// <summary>/openapi/v1.json and /scalar.</summary>
    public static void MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("FormArchive API").AddPreferredSecuritySchemes([ApiKeyAuthentication.Scheme]));
    }

    /// <summary>A problem response (RFC 7807) the endpoint's filters and policies give, unless the endpoint declares it.</summary>
    private static void Problem(OpenApiOperation operation, IOpenApiSchema schema, string status, string description)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        });
    }

    /// <summary>ProblemDetails, declared once in the document's components and referred to from every problem response.</summary>
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        const string name = nameof(ProblemDetails);
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
            document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancel);
        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>The X-Api-Key requirement, declaring the scheme in the document's components the first time.</summary>
    private static OpenApiSecurityRequirement KeyRequirement(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(ApiKeyAuthentication.Scheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthentication.Header,
            Description = "API key; its role (integrator, clerk, archivist, admin) decides what it may do",
        });
        return new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.Scheme, document)] = [] };
    }
}
