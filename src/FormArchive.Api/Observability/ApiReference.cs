using System.Text.Json;
using FormArchive.Api.Access;
using FormArchive.Api.Endpoints;
using Microsoft.AspNetCore.Authorization;
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
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyRule>().FirstOrDefault() is { } body)
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = !body.Optional,
                    Description = $"JSON, at most {body.MaxBytes:N0} bytes",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type ?? typeof(JsonElement), cancellationToken: cancel) },
                    },
                };
            var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (policies.Count == 0)
            {
                operation.Security = [new OpenApiSecurityRequirement()]; // {}: no key needed
                return;
            }
            operation.Security = [KeyRequirement(context.Document!)];
            var roles = string.Join("; ", policies.Select(p => string.Join(", ", AccessPolicies.All[p].Select(FormArchive.Archive.Access.Roles.Name))));
            operation.Description = string.IsNullOrEmpty(operation.Description) ? $"API key roles: {roles}." : $"{operation.Description}\n\nAPI key roles: {roles}.";
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
