using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Nop.Plugin.Misc.Gameball.FakeGameball;

/// <summary>
/// Gameball's published OpenAPI document (v4.0) as a validator: finds the operation of a request by
/// method and path, says which keys it needs, and validates a JSON body against its request schema.
/// </summary>
public sealed class OpenApiRequestValidator
{
    private const string PathPrefix = "/api/v4.0/integrations/";
    private static readonly Lazy<OpenApiRequestValidator> _instance = new(Load);

    private readonly List<OperationSpec> _operations;

    private OpenApiRequestValidator(List<OperationSpec> operations)
    {
        _operations = operations;
    }

    public static OpenApiRequestValidator Instance => _instance.Value;

    /// <summary>The spec's operation for a method and a path below /api/{version}/integrations/.</summary>
    public OperationSpec? Find(string method, string integrationPath) =>
        _operations.FirstOrDefault(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && o.PathPattern.IsMatch(integrationPath));

    private static OpenApiRequestValidator Load()
    {
        using var stream = typeof(OpenApiRequestValidator).Assembly.GetManifestResourceStream("gameball-openapi-v4.0.json")
            ?? throw new InvalidOperationException("The Gameball OpenAPI document is not embedded.");
        var document = JsonNode.Parse(stream)!.AsObject();
        var components = document["components"]?["schemas"]?.AsObject() ?? new JsonObject();
        var defs = (JsonObject)RewriteRefs(components.DeepClone());

        var operations = new List<OperationSpec>();
        foreach (var (path, pathItem) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith(PathPrefix, StringComparison.Ordinal))
                continue;
            var relative = path[PathPrefix.Length..];
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(relative), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.Compiled);
            foreach (var (method, operation) in pathItem!.AsObject())
            {
                if (operation is not JsonObject op || method is "parameters")
                    continue;
                var needsSecret = op["security"]?.AsArray().Any(s => s?.AsObject().ContainsKey("secretKey") == true) == true;
                var bodySchema = op["requestBody"]?["content"]?["application/json"]?["schema"];
                JsonSchema? schema = null;
                if (bodySchema is not null)
                {
                    var root = (JsonObject)RewriteRefs(bodySchema.DeepClone());
                    root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                    root["$defs"] = defs.DeepClone();
                    schema = JsonSchema.FromText(root.ToJsonString());
                }

                var requiredQuery = (op["parameters"]?.AsArray() ?? [])
                    .Where(p => p?["in"]?.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
                    .Select(p => p!["name"]!.GetValue<string>())
                    .ToList();
                operations.Add(new OperationSpec(method.ToUpperInvariant(), relative, pattern, needsSecret, schema) { RequiredQuery = requiredQuery });
            }
        }

        return new OpenApiRequestValidator(operations);
    }

    private static JsonNode RewriteRefs(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == "$ref" && obj[key]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                        obj[key] = "#/$defs/" + reference["#/components/schemas/".Length..];
                    else if (obj[key] is { } child)
                        RewriteRefs(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                        RewriteRefs(child);
                }

                break;
        }

        return node;
    }
}

public sealed record OperationSpec(string Method, string PathTemplate, Regex PathPattern, bool NeedsSecretKey, JsonSchema? BodySchema)
{
    private static readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The query parameters the spec marks required.</summary>
    public IReadOnlyList<string> RequiredQuery { get; init; } = [];

    /// <summary>"?name: required" for every required query parameter missing or empty.</summary>
    public IReadOnlyList<string> ValidateQuery(Func<string, string?> valueOf) =>
        [.. RequiredQuery.Where(name => string.IsNullOrEmpty(valueOf(name))).Select(name => $"?{name}: required")];

    /// <summary>Every schema violation of the body as "/field: problem"; empty when the body is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? body)
    {
        if (BodySchema is null)
            return [];
        var results = BodySchema.Evaluate(body, _options);
        if (results.IsValid)
            return [];
        return [.. results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.Count == 0 ? "/" : d.InstanceLocation.ToString())} {e.Key}: {e.Value}")).Distinct()];
    }
}
