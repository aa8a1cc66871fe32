using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CheckPermissionAttribute : TypeFilterAttribute
{
    public CheckPermissionAttribute(string permissionSystemName, CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(StandInFilter))
    {
        PermissionSystemName.Add(permissionSystemName);
        ResultType = resultType;
        Arguments = [PermissionSystemName];
    }

    public CheckPermissionAttribute(string[] permissionSystemNames, CheckPermissionResultType resultType = CheckPermissionResultType.Default) : base(typeof(StandInFilter))
    {
        PermissionSystemName.AddRange(permissionSystemNames);
        ResultType = resultType;
        Arguments = [PermissionSystemName];
    }

    public List<string> PermissionSystemName { get; } = [];

    public CheckPermissionResultType ResultType { get; }

    // the host's filter checks the permission; the stand-in lets requests through
    private sealed class StandInFilter : IAsyncAuthorizationFilter
    {
        public StandInFilter(List<string> permissions)
        {
            _ = permissions;
        }

        public Task OnAuthorizationAsync(AuthorizationFilterContext context) => Task.CompletedTask;
    }

    public enum CheckPermissionResultType
    {
        Default = 0,
        Html = 1,
        Text = 2,
        Json = 3
    }
}
