namespace Nop.Core;

public partial interface IWebHelper
{
    string GetCurrentIpAddress();

    bool IsAjaxRequest(Microsoft.AspNetCore.Http.HttpRequest request);
}
