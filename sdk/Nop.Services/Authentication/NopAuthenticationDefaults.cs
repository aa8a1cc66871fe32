namespace Nop.Services.Authentication;

public static partial class NopAuthenticationDefaults
{
    public static string AuthenticationScheme => "Authentication";
}
